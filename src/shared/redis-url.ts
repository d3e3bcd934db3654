/**
 * REDIS_URL forms (README, "Running at national scale"):
 * - `redis://[user:password@]host:port[/db]` and `rediss://…` (TLS): one server;
 * - `redis+sentinel://[user:password@]host1:26379,host2:26379/<master name>[/db]`: Sentinel finds the
 *   master and follows failovers (ioredis `sentinels` + `name`); the password is the master's;
 * Redis Cluster is not a form here: see the README for what it needs.
 * The options are those of `new Redis(options)` and of BullMQ's `connection`.
 */
export interface RedisConnectionOptions {
  host?: string;
  port?: number;
  sentinels?: Array<{ host: string; port: number }>;
  name?: string;
  username?: string;
  password?: string;
  db: number;
  tls?: object;
}

const SENTINEL = /^redis\+sentinel(s?):\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/]+)\/([^/]+)(?:\/(\d+))?\/?$/;

function hostPort(text: string, defaultPort: number): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(text.trim());
  if (!m?.[1]) throw new Error(`REDIS_URL: "${text}" is not host[:port]`);
  return { host: m[1], port: m[2] ? Number(m[2]) : defaultPort };
}

export function redisConnectionOptions(url: string): RedisConnectionOptions {
  const s = SENTINEL.exec(url);
  if (s) {
    const [, tls, user, password, hosts = '', name, db] = s;
    return {
      sentinels: hosts.split(',').map((h) => hostPort(h, 26379)),
      name: decodeURIComponent(name ?? ''),
      username: user ? decodeURIComponent(user) : undefined,
      password: password ? decodeURIComponent(password) : undefined,
      db: db ? Number(db) : 0,
      tls: tls ? {} : undefined,
    };
  }
  if (url.startsWith('redis+cluster:')) throw new Error('REDIS_URL: Redis Cluster is not supported by this build; see README "Running at national scale"');
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}
