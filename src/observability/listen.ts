/**
 * server.listen that fails instead of hanging: a busy port (or one not allowed) rejects with a
 * StartupError that says which variable to change, e.g. "port 4000 is in use: set PORT".
 */
import type { Server } from 'node:http';
import { StartupError } from './startup-errors.js';

export function listen(server: Server, port: number, host: string, variable: string): Promise<void> {
  // Listeners already there (the WebSocket server re-emits errors, and graphql-ws prints "Please
  // check your implementation" with a stack) are detached while listening, and put back after.
  const others = server.listeners('error') as Array<(err: Error) => void>;
  server.removeAllListeners('error');
  const restore = () => {
    for (const l of others) server.on('error', l);
  };
  return new Promise<void>((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException) => {
      server.off('listening', done);
      restore();
      if (err.code === 'EADDRINUSE') reject(new StartupError(`port ${port} is in use: set ${variable}`));
      else if (err.code === 'EACCES') reject(new StartupError(`port ${port} is not allowed for this user: set ${variable}`));
      else if (err.code === 'EADDRNOTAVAIL') reject(new StartupError(`address ${host} is not available here: set HOST`));
      else reject(err);
    };
    const done = () => {
      server.off('error', failed);
      restore();
      resolve();
    };
    server.once('error', failed);
    server.once('listening', done);
    server.listen(port, host);
  });
}
