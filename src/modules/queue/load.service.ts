/**
 * Live branch load: computed from the real queue (waiting tickets, open and free windows, mean
 * wait over the last hour), once per change and shared by every subscriber through the pubsub;
 * sampled on every change (coalesced) and at least every LOAD_SAMPLE_INTERVAL_MINUTES, kept
 * LOAD_HISTORY_HOURS. Load alerts fire here, once each, through the notification outbox.
 */
import { filteredEvents, sharedLive } from '../../shared/pubsub.js';
import type { Executor } from '../../db/client.js';
import { branchLoadTopic, type BranchLoadEvent } from './queue.events.js';
import type { QueueDeps } from './queue.deps.js';
import * as repo from './load.repository.js';
import type { LoadFigures, SampleRow } from './load.repository.js';
import { estimateWaitMinutes, historySpan, loadLevel } from './queue.rules.js';

export type LoadLevel = BranchLoadEvent['level'];

/** Alert holders are read through the accounts door, branch names through the branches door. */
export type LoadDeps = Omit<QueueDeps, 'catalog' | 'visits' | 'places'>;

export class LoadService {
  constructor(private readonly deps: LoadDeps) {}

  /** LOW / MEDIUM / HIGH by people waiting per open window (thresholds from config). */
  level(waiting: number, openWindows: number): LoadLevel {
    const { LOAD_MEDIUM_PER_WINDOW, LOAD_HIGH_PER_WINDOW } = this.deps.config;
    return loadLevel(waiting, openWindows, { mediumPerWindow: LOAD_MEDIUM_PER_WINDOW, highPerWindow: LOAD_HIGH_PER_WINDOW });
  }

  toEvent(f: LoadFigures, at: Date): BranchLoadEvent {
    return {
      branchId: f.branchId,
      waiting: f.waiting,
      averageWaitMinutes: f.averageWaitMinutes,
      openWindows: f.openWindows,
      freeWindows: f.freeWindows,
      level: this.level(f.waiting, f.openWindows),
      updatedAt: at.toISOString(),
    };
  }

  /** Minutes until a waiting ticket is called: its rounds of the open windows times recent service minutes. */
  estimateWait(position: number, f: LoadFigures): number {
    return estimateWaitMinutes(position, f.openWindows, f.serviceMinutes ?? this.deps.config.QUEUE_DEFAULT_SERVICE_MINUTES);
  }

  async current(branchIds: readonly string[]): Promise<BranchLoadEvent[]> {
    const now = this.deps.clock.now();
    return (await repo.loadFigures(this.deps.db, branchIds, now)).map((f) => this.toEvent(f, now));
  }

  /**
   * Called after every committed change of a branch's queue: one computation, one sample, the
   * alerts it satisfies, one event for all subscribers on every instance.
   */
  async changed(branchId: string): Promise<BranchLoadEvent> {
    const { db, clock, pubsub, log } = this.deps;
    const now = clock.now();
    const [figures] = await repo.loadFigures(db, [branchId], now);
    if (!figures) throw new Error(`branch ${branchId} vanished`);
    const event = this.toEvent(figures, now);
    // The figures are committed already: subscribers hear first, the sample and the alerts follow.
    try {
      pubsub.publish(branchLoadTopic, event);
    } catch (err) {
      log.warn({ err }, 'could not publish a load change');
    }
    await db.transaction(async (tx) => {
      await this.sample(tx, event, now, { coalesce: true });
      await this.fireAlerts(tx, event, now);
    });
    return event;
  }

  /** Live events of the given branches (all when null), the current load of each first. */
  subscribe(branchIds: readonly string[] | null): AsyncIterable<BranchLoadEvent> {
    const wanted = branchIds ? new Set(branchIds) : null;
    return sharedLive({
      current: () => (wanted ? this.current([...wanted]) : this.allBranches.next()),
      live: () => filteredEvents(this.deps.pubsub, branchLoadTopic, (e) => !wanted || wanted.has(e.branchId)),
    });
  }

  /**
   * The current load of every branch for "all branches" subscribers (anonymous dashboards), read
   * once for a burst of them: whoever subscribes while a read runs shares the next one, which
   * starts after it and so after their subscription, and misses no change.
   */
  private readonly allBranches = new SharedRound(async () => this.current(await repo.allBranchIds(this.deps.db)));

  async history(branchId: string, hours: number): Promise<SampleRow[]> {
    const span = historySpan(hours, this.deps.config.LOAD_HISTORY_HOURS);
    return repo.samplesSince(this.deps.reads ?? this.deps.db, [branchId], new Date(this.deps.clock.now().getTime() - span * 3_600_000));
  }

  /** The periodic job: a sample of every branch, and samples older than the history dropped. */
  async sampleAll(): Promise<{ sampled: number; pruned: number; droppedDays: number }> {
    const { db, clock, config } = this.deps;
    const now = clock.now();
    const loads = await this.current(await repo.allBranchIds(db));
    for (const e of loads) await this.sample(db, e, now, { coalesce: false });
    const pruned = await repo.pruneSamples(db, new Date(now.getTime() - config.LOAD_HISTORY_HOURS * 3_600_000), now);
    return { sampled: loads.length, pruned: pruned.rows, droppedDays: pruned.days.length };
  }

  private async sample(db: Executor, e: BranchLoadEvent, now: Date, opts: { coalesce: boolean }): Promise<void> {
    const values = { branchId: e.branchId, at: now, waiting: e.waiting, averageWaitMinutes: e.averageWaitMinutes, openWindows: e.openWindows, freeWindows: e.freeWindows, level: e.level };
    const window = this.deps.config.LOAD_SAMPLE_COALESCE_SECONDS * 1000;
    const last = opts.coalesce ? await repo.lastSample(db, e.branchId, new Date(now.getTime() - window)) : undefined;
    if (last && now.getTime() - last.at.getTime() < window) await repo.replaceSample(db, last, values);
    else await repo.insertSample(db, values);
  }

  private async fireAlerts(tx: Executor, e: BranchLoadEvent, now: Date): Promise<void> {
    const fired = await repo.fireAlerts(tx, e.branchId, e.waiting, now);
    if (fired.length === 0) return;
    const users = new Map((await this.deps.accounts.usersByIds(fired.map((a) => a.userId), tx)).map((u) => [u.id, u]));
    const [branch] = await this.deps.branches.branchesByIds([e.branchId], tx);
    const branchName = branch?.name ?? 'отделении';
    for (const alert of fired) {
      const user = users.get(alert.userId);
      if (!user) continue;
      await this.deps.notifications.notify(tx, {
        userId: user.id,
        template: 'load.alert',
        vars: { branch: branchName, waiting: String(e.waiting) },
        subjectType: 'LoadAlert',
        subjectId: alert.id,
      });
    }
  }
}

/**
 * Coalesces concurrent reads: callers while no read runs start one; callers while one runs wait
 * for the following read (started when the running one ends), shared by all of them.
 */
export class SharedRound<T> {
  private running: Promise<T> | null = null;
  private following: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  next(): Promise<T> {
    if (!this.running) return this.start();
    this.following ??= this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.following;
  }

  private start(): Promise<T> {
    this.following = null;
    const run = this.read();
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = null;
    };
    run.then(clear, clear);
    return run;
  }
}
