/**
 * The multiplexed delivery of broadcast subscriptions (src/server/broadcast.ts): a Group is every
 * subscriber of one selection with the same arguments. It holds ONE live feed, renders each event
 * once (one execution, one JSON) and writes that JSON to every member's socket, each framed with
 * the member's own subscription id: per subscriber, one string concatenation and one socket
 * write, as a hand-written `ws` broadcast does. A Member is one subscription: its current state
 * first (rendered for it alone), live events buffered until then, and an async generator that
 * graphql-ws iterates only to learn when the subscription ends (it yields nothing: the group
 * writes).
 */
import type { WebSocket } from 'ws';

/** The JSON of an execution result for an event (errors already formatted). */
export type Render = (event: unknown) => Promise<string>;

/** Where a member's messages go: its socket and its graphql-ws subscription id. */
export interface Target {
  socket: WebSocket;
  id: string;
  /** Bytes the socket may have waiting; beyond them it is closed as too slow (WS_MAX_BUFFERED_BYTES). */
  maxBuffered: number;
}

/** The close code for a reader that cannot keep up ("try again later"). */
export const CLOSE_TOO_SLOW = 1013;

const OPEN = 1;
/** A graphql-ws message is a text frame, also when handed to ws as bytes. */
const TEXT = { binary: false };

export class Member {
  /** Live payloads that arrived before the current state was written; null once live. */
  private buffer: string[] | null = [];
  private ended = false;
  private wake: ((r: IteratorResult<never, undefined>) => void) | null = null;
  private failure: Error | null = null;
  private readonly prefix: string;

  constructor(
    private readonly target: Target,
    private readonly leave: (m: Member) => void,
  ) {
    this.prefix = `{"id":${JSON.stringify(target.id)},"type":"next","payload":`;
  }

  /** Writes the member's current state, then what arrived meanwhile, then goes live. */
  async start(current: () => Promise<unknown[]>, render: Render): Promise<void> {
    try {
      for (const event of await current()) {
        if (this.ended) return;
        this.write(this.framed(await render(event)));
      }
      for (const payload of this.buffer ?? []) this.write(this.framed(payload));
      this.buffer = null;
    } catch (err) {
      this.end(err instanceof Error ? err : new Error(String(err)));
    }
  }

  /**
   * A live event's payload. `frames` holds the event's framed messages by subscription id, encoded
   * once: subscribers with the same id (graphql-ws clients often number from "1") share the
   * bytes, so ws sends them without encoding the text again for each socket.
   */
  deliver(payload: string, frames: Map<string, Buffer>): void {
    if (this.ended) return;
    if (this.buffer) {
      this.buffer.push(payload);
      return;
    }
    let frame = frames.get(this.target.id);
    if (!frame) {
      frame = Buffer.from(this.prefix + payload + '}');
      frames.set(this.target.id, frame);
    }
    this.write(frame);
  }

  private framed(payload: string): string {
    return this.prefix + payload + '}';
  }

  /** The live feed ended (or this member's current state failed): graphql-ws completes or errors it. */
  end(failure: Error | null = null): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = failure;
    this.buffer = null;
    this.leave(this);
    this.settle();
  }

  private write(message: string | Buffer): void {
    const { socket, maxBuffered } = this.target;
    if (socket.readyState !== OPEN) return;
    // Nothing waits for a slow reader: one that stalls is let go before its backlog holds the memory.
    if (socket.bufferedAmount > maxBuffered) socket.close(CLOSE_TOO_SLOW, 'Too slow to keep up with the live feed');
    else socket.send(message, TEXT);
  }

  private settle(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.({ value: undefined, done: true });
  }

  /** What graphql-ws iterates: it never yields; it finishes when the subscription ends. */
  readonly stream: AsyncGenerator<never, undefined, unknown> = {
    next: () => {
      if (this.ended) return this.failure ? Promise.reject(this.failure) : Promise.resolve({ value: undefined, done: true });
      return new Promise<IteratorResult<never, undefined>>((resolve, reject) => {
        this.wake = (r) => (this.failure ? reject(this.failure) : resolve(r));
      });
    },
    return: () => {
      this.end();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw: (err: unknown) => {
      this.end();
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    },
    [Symbol.asyncIterator]: () => this.stream,
  };
}

export class Group {
  private readonly members = new Set<Member>();
  private readonly events: AsyncIterator<unknown>;

  /** Subscribes to the live feed at once, before any member reads its current state. */
  constructor(
    live: AsyncIterable<unknown>,
    private readonly render: Render,
    private readonly emptied: (g: Group) => void,
    private readonly failed: (err: unknown) => void,
  ) {
    this.events = live[Symbol.asyncIterator]();
    void this.pump(this.events.next());
  }

  join(target: Target): Member {
    const member = new Member(target, (m) => this.leave(m));
    this.members.add(member);
    return member;
  }

  get size(): number {
    return this.members.size;
  }

  private leave(m: Member): void {
    if (!this.members.delete(m) || this.members.size > 0) return;
    this.emptied(this);
    void this.events.return?.();
  }

  private async pump(first: Promise<IteratorResult<unknown>>): Promise<void> {
    try {
      for (let r = await first; !r.done; r = await this.events.next()) {
        if (this.members.size === 0) break;
        const payload = await this.render(r.value);
        const frames = new Map<string, Buffer>();
        for (const m of this.members) m.deliver(payload, frames);
      }
    } catch (err) {
      this.failed(err);
    }
    for (const m of [...this.members]) m.end();
  }
}
