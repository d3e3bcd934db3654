/**
 * Graceful HTTP drain. Node's server.close() (and Apollo's drain plugin) end idle keep-alive
 * sockets at once; a client that is sending its next request on one of them that very moment
 * sees a reset. Here, from the moment shutdown begins every response carries
 * `Connection: close` (so clients stop reusing their sockets), the listener stops accepting,
 * requests in flight are answered, and a socket is cut only after it has been idle for
 * IDLE_GRACE_MS (a request that was already on its way has arrived by then and is answered).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

const IDLE_GRACE_MS = 1000;
const SWEEP_MS = 50;

export interface HttpDrainer {
  /** True once shutdown began: responses say `Connection: close`. */
  readonly draining: boolean;
  /** Responses from now on close their connection (readiness already reported down). */
  beginDrain(): void;
  /** Stops accepting, answers what is in flight, cuts idle sockets after the grace; resolves when none is left. */
  drain(): Promise<void>;
}

export function httpDrainer(server: Server): HttpDrainer {
  const sockets = new Map<Socket, { busy: number; idleSince: number }>();
  const inFlight = new Set<ServerResponse>();
  let draining = false;

  server.on('connection', (socket: Socket) => {
    sockets.set(socket, { busy: 0, idleSince: Date.now() });
    socket.once('close', () => sockets.delete(socket));
  });
  // WebSocket upgrades leave HTTP: the WebSocket server's own drain closes them.
  server.on('upgrade', (_req: IncomingMessage, socket: Socket) => sockets.delete(socket));
  // First listener, so the header is set before Express can answer synchronously.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = sockets.get(req.socket);
    if (state) state.busy += 1;
    inFlight.add(res);
    if (draining) res.setHeader('connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (state) {
        state.busy -= 1;
        state.idleSince = Date.now();
      }
    });
  });

  const beginDrain = () => {
    if (draining) return;
    draining = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
  };

  return {
    get draining() {
      return draining;
    },
    beginDrain,
    async drain() {
      beginDrain();
      // net.Server's close: stop accepting but keep the open sockets (http.Server#close would also
      // end the idle keep-alive ones at once, racing requests already on their way).
      // Its callback waits for WebSockets too, which the WebSocket drain closes afterwards: the
      // HTTP drain is over when the HTTP sockets are.
      if (server.listening) NetServer.prototype.close.call(server);
      await new Promise<void>((resolve) => {
        const sweep = setInterval(() => {
          const now = Date.now();
          for (const [socket, state] of sockets) if (state.busy <= 0 && now - state.idleSince >= IDLE_GRACE_MS) socket.destroy();
          if (sockets.size === 0) {
            clearInterval(sweep);
            resolve();
          }
        }, SWEEP_MS);
      });
    },
  };
}
