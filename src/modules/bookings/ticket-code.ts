/**
 * The booking's ticket code: a compact JWS (ES256, the API's signing keys) carried in the QR code.
 * A branch checks it offline with the public key; check-in verifies it before touching the
 * database.
 */
import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import { JWT_ALG, type KeyStore } from '../../shared/auth/keys.js';

export const TICKET_TYP = 'mfc-ticket+jwt';

export async function signTicketCode(keys: KeyStore, b: { id: string; number: string; branchId: string; startsAt: Date; endsAt: Date }): Promise<string> {
  const { kid, key } = keys.signingKey();
  return new SignJWT({ num: b.number, br: b.branchId, st: Math.floor(b.startsAt.getTime() / 1000) })
    .setProtectedHeader({ alg: JWT_ALG, kid, typ: TICKET_TYP })
    .setSubject(b.id)
    .setIssuedAt(Math.floor(b.startsAt.getTime() / 1000) - 31 * 86_400)
    .setExpirationTime(Math.floor(b.endsAt.getTime() / 1000) + 86_400)
    .sign(key);
}

/** The booking id in a valid ticket code (signature, algorithm, type and dates checked), else null. */
export async function verifyTicketCode(keys: KeyStore, code: string, now: Date): Promise<{ bookingId: string; branchId: string } | null> {
  try {
    const key = keys.verificationKey(decodeProtectedHeader(code).kid);
    if (!key) return null;
    const { payload } = await jwtVerify(code, key, { algorithms: [JWT_ALG], typ: TICKET_TYP, currentDate: now, requiredClaims: ['sub', 'exp'] });
    return typeof payload.sub === 'string' && typeof payload.br === 'string' ? { bookingId: payload.sub, branchId: payload.br } : null;
  } catch {
    return null;
  }
}
