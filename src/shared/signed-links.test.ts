import { describe, expect, it } from 'vitest';
import { OffsetClock } from './clock.js';
import { SignedLinks } from './signed-links.js';
import type { Viewer } from './auth/viewer.js';

const viewer: Viewer = { userId: 'u-1', sessionId: 's-1', roles: ['CITIZEN'], tokenExpiresAt: new Date(0) };

function setup(alive = new Set(['s-1'])) {
  const clock = new OffsetClock();
  const links = new SignedLinks({ key: 'k'.repeat(32), ttlSeconds: 60, baseUrl: 'https://lk.example/', clock, sessions: { isAlive: (s, u) => Promise.resolve(alive.has(s) && u === 'u-1') } });
  return { clock, links, alive };
}
const sigOf = (url: string) => new URL(url).searchParams.get('sig');

describe('signed links', () => {
  it('stand for the viewer on their own path until they expire', async () => {
    const { clock, links } = setup();
    const url = links.url('/bookings/b1/ticket.pdf', viewer);
    expect(url).toMatch(/^https:\/\/lk\.example\/bookings\/b1\/ticket\.pdf\?sig=[\w-]+\.[\w-]+$/);
    expect(await links.viewer('/bookings/b1/ticket.pdf', sigOf(url))).toMatchObject({ userId: 'u-1', sessionId: 's-1', roles: ['CITIZEN'] });
    clock.advance(61_000);
    expect(await links.viewer('/bookings/b1/ticket.pdf', sigOf(url))).toBeNull();
  });

  it('are refused on another path, when tampered with, or when the session ended', async () => {
    const { links, alive } = setup();
    const sig = sigOf(links.url('/attachments/a1', viewer)) ?? '';
    expect(await links.viewer('/attachments/a2', sig)).toBeNull();
    const [payload = '', mac = ''] = sig.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ u: 'u-2', s: 's-1', r: ['ADMIN'], e: 9e9 })).toString('base64url');
    expect(await links.viewer('/attachments/a1', `${forgedPayload}.${mac}`)).toBeNull();
    expect(await links.viewer('/attachments/a1', `${payload}.${mac.slice(1)}`)).toBeNull();
    expect(await links.viewer('/attachments/a1', undefined)).toBeNull();
    expect(await links.viewer('/attachments/a1', ['x'])).toBeNull();
    alive.delete('s-1');
    expect(await links.viewer('/attachments/a1', sig)).toBeNull();
  });

  it('tags are keyed and separated by purpose', () => {
    const { links } = setup();
    const data = Buffer.from('same');
    expect(links.tag('a', data).equals(links.tag('a', data))).toBe(true);
    expect(links.tag('a', data).equals(links.tag('b', data))).toBe(false);
    expect(links.tag('a', data)).toHaveLength(16);
  });
});
