/**
 * Short-lived signed links to files (a booking's PDF ticket and calendar event, an attachment, a
 * payment's receipt): URLs that open in a browser, an e-mail or a calendar app without an
 * Authorization header. A link is bound to one path (so to one object and one file of it), to
 * the viewer it was made for (user, roles, session) and to an expiry (FILE_LINK_TTL_SECONDS).
 * Opening it checks the HMAC, the expiry and that the session is still alive, so ending a session
 * (or its revocation on any instance) kills its links. The route then applies the same access
 * rules as for a bearer token: the link stands for the viewer, it grants nothing more.
 *
 * Format: `?sig=<payload>.<mac>`, payload base64url JSON `{u, s, r, e}`, mac base64url
 * HMAC-SHA256(key, path "\n" payload). No database row per link.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from './clock.js';
import type { RoleName, Viewer } from './auth/viewer.js';

/** The query parameter that carries the signature. */
export const LINK_PARAM = 'sig';

export interface SignedLinksDeps {
  /** Secret of the HMAC (shared by every instance: kept in the database when generated). */
  key: string;
  ttlSeconds: number;
  /** PUBLIC_URL: where the links point. */
  baseUrl: string;
  clock: Clock;
  /** Whether the session is alive and belongs to the user (accounts' SessionGuard). */
  sessions: { isAlive(sessionId: string, userId: string): Promise<boolean> };
}

interface Payload {
  u: string;
  s: string;
  r: RoleName[];
  e: number;
}

const ROLES = new Set<string>(['CITIZEN', 'OPERATOR', 'ADMIN']);

function isPayload(v: unknown): v is Payload {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return typeof p.u === 'string' && typeof p.s === 'string' && typeof p.e === 'number' && Array.isArray(p.r) && p.r.every((x) => typeof x === 'string' && ROLES.has(x));
}

export class SignedLinks {
  constructor(private readonly deps: SignedLinksDeps) {}

  private mac(path: string, payload: string): Buffer {
    return createHmac('sha256', this.deps.key).update(`${path}\n${payload}`).digest();
  }

  /** A keyed tag (16 bytes) of `data` for another purpose than file paths (e.g. the calendar feed's secret URL). */
  tag(purpose: string, data: Buffer): Buffer {
    return createHmac('sha256', this.deps.key).update(`${purpose}\n`).update(data).digest().subarray(0, 16);
  }

  /** PUBLIC_URL without a trailing slash. */
  get baseUrl(): string {
    return this.deps.baseUrl.replace(/\/$/, '');
  }

  /** The signed absolute URL of `path` (e.g. `/bookings/<id>/ticket.pdf`) for this viewer. */
  url(path: string, viewer: Viewer): string {
    const expires = Math.floor(this.deps.clock.now().getTime() / 1000) + this.deps.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ u: viewer.userId, s: viewer.sessionId, r: [...viewer.roles], e: expires } satisfies Payload)).toString('base64url');
    const sig = `${payload}.${this.mac(path, payload).toString('base64url')}`;
    return `${this.deps.baseUrl.replace(/\/$/, '')}${path}?${LINK_PARAM}=${sig}`;
  }

  /** The viewer a link for `path` stands for, or null when it is forged, for another path, expired or its session ended. */
  async viewer(path: string, sig: unknown): Promise<Viewer | null> {
    if (typeof sig !== 'string' || sig.length > 2048) return null;
    const [payload, mac, extra] = sig.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = this.mac(path, payload);
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    if (!isPayload(claims)) return null;
    const expiresAt = new Date(claims.e * 1000);
    if (expiresAt.getTime() <= this.deps.clock.now().getTime()) return null;
    if (!(await this.deps.sessions.isAlive(claims.s, claims.u))) return null;
    return { userId: claims.u, sessionId: claims.s, roles: claims.r, tokenExpiresAt: expiresAt };
  }
}
