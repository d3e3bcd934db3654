/**
 * Access tokens: short-lived JWTs (ES256 only, explicit allowlist) carrying the user, the
 * session and the roles. exp, iat, sub and sid are required; issuer and audience checked; the
 * key is chosen by `kid`. A valid signature is not enough: the session is checked too
 * (SessionGuard), so a revoked session's token stops working at once.
 *
 * An ES256 verification costs more CPU than the rest of a small query (a sixth of a `me` request),
 * and a client sends the same token hundreds of times in its life: a token whose signature and
 * claims were verified is remembered (at most JWT_VERIFY_CACHE_SIZE, oldest first out) by its exact
 * text, so a hit is the same bytes already checked. Expiry and the key's presence are checked again
 * on every use; the session check (SessionGuard) is untouched.
 */
import { SignJWT, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import type { Config } from '../../config/env.js';
import type { Clock } from '../clock.js';
import { JWT_ALG, type KeyStore } from './keys.js';
import type { RoleName } from './viewer.js';

export interface AccessClaims {
  userId: string;
  sessionId: string;
  roles: RoleName[];
  expiresAt: Date;
}

const ROLES: ReadonlySet<string> = new Set(['CITIZEN', 'OPERATOR', 'ADMIN']);

/** Why a token presented is not accepted (contract v2: `extensions.reason` of UNAUTHENTICATED). */
export type TokenRejection = 'TOKEN_EXPIRED' | 'TOKEN_INVALID' | 'SESSION_REVOKED';

export type TokenCheck = { ok: true; claims: AccessClaims } | { ok: false; reason: TokenRejection };

export class TokenService {
  private readonly verified = new Map<string, { kid: string | undefined; claims: AccessClaims }>();

  constructor(private readonly deps: { config: Config; keys: KeyStore; clock: Clock }) {}

  async issue(input: { userId: string; sessionId: string; roles: readonly RoleName[] }): Promise<{ token: string; expiresAt: Date }> {
    const { config, keys, clock } = this.deps;
    const { kid, key } = keys.signingKey();
    const iat = Math.floor(clock.now().getTime() / 1000);
    const exp = iat + config.ACCESS_TOKEN_TTL_SECONDS;
    const token = await new SignJWT({ sid: input.sessionId, roles: [...input.roles] })
      .setProtectedHeader({ alg: JWT_ALG, kid, typ: 'at+jwt' })
      .setSubject(input.userId)
      .setIssuer(config.JWT_ISSUER)
      .setAudience(config.JWT_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  /** The token's claims, or null for anything not valid (bad signature, expired, wrong audience...). */
  async verify(token: string): Promise<AccessClaims | null> {
    const checked = await this.check(token);
    return checked.ok ? checked.claims : null;
  }

  /** The token's claims, or why it is refused: expired (a valid token past `exp`) or invalid (anything else). */
  async check(token: string): Promise<TokenCheck> {
    const known = this.verified.get(token);
    if (known) return this.recheck(token, known);
    const checked = await this.verifySignature(token);
    if (checked.ok) this.remember(token, checked.claims);
    return checked;
  }

  /** A remembered token: still unexpired, its key still trusted (a rotated-out key drops its tokens). */
  private recheck(token: string, known: { kid: string | undefined; claims: AccessClaims }): TokenCheck {
    if (!this.deps.keys.verificationKey(known.kid)) {
      this.verified.delete(token);
      return { ok: false, reason: 'TOKEN_INVALID' };
    }
    if (known.claims.expiresAt.getTime() <= this.deps.clock.now().getTime()) {
      this.verified.delete(token);
      return { ok: false, reason: 'TOKEN_EXPIRED' };
    }
    return { ok: true, claims: known.claims };
  }

  private remember(token: string, claims: AccessClaims): void {
    const size = this.deps.config.JWT_VERIFY_CACHE_SIZE;
    if (size <= 0) return;
    while (this.verified.size >= size) {
      const oldest = this.verified.keys().next();
      if (oldest.done === true) break;
      this.verified.delete(oldest.value);
    }
    this.verified.set(token, { kid: decodeProtectedHeader(token).kid, claims });
  }

  private async verifySignature(token: string): Promise<TokenCheck> {
    const { config, keys, clock } = this.deps;
    const invalid = { ok: false, reason: 'TOKEN_INVALID' } as const;
    try {
      const { kid } = decodeProtectedHeader(token);
      const key = keys.verificationKey(kid);
      if (!key) return invalid;
      const { payload } = await jwtVerify(token, key, {
        algorithms: [JWT_ALG],
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'sub', 'sid'],
        currentDate: clock.now(),
        typ: 'at+jwt',
      });
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is RoleName => typeof r === 'string' && ROLES.has(r)) : [];
      if (typeof payload.sid !== 'string' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') return invalid;
      return { ok: true, claims: { userId: payload.sub, sessionId: payload.sid, roles, expiresAt: new Date(payload.exp * 1000) } };
    } catch (err) {
      // jose checks the signature before the claims, so "expired" means a genuine token that ran out.
      return err instanceof joseErrors.JWTExpired ? { ok: false, reason: 'TOKEN_EXPIRED' } : invalid;
    }
  }
}
