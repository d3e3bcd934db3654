import { describe, expect, it } from 'vitest';
import { redisConnectionOptions } from './redis-url.js';

describe('REDIS_URL forms', () => {
  it('one server, with TLS, user, password and database', () => {
    expect(redisConnectionOptions('redis://127.0.0.1:6379')).toMatchObject({ host: '127.0.0.1', port: 6379, db: 0, tls: undefined });
    expect(redisConnectionOptions('rediss://app:p%40ss@redis.local/3')).toMatchObject({ host: 'redis.local', port: 6379, username: 'app', password: 'p@ss', db: 3, tls: {} });
  });

  it('Sentinel: the sentinels, the master name, its password and database', () => {
    expect(redisConnectionOptions('redis+sentinel://:secret@s1:26379,s2,[::1]:26380/mymaster/2')).toEqual({
      sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }, { host: '::1', port: 26380 }],
      name: 'mymaster',
      username: undefined,
      password: 'secret',
      db: 2,
      tls: undefined,
    });
  });

  it('refuses a cluster URL, saying where to read why', () => {
    expect(() => redisConnectionOptions('redis+cluster://n1:6379,n2:6379')).toThrow(/Running at national scale/);
  });
});
