/**
 * A software WebAuthn authenticator plus the browser's part of the ceremony, for the passkey
 * tests: it builds the real structures (clientDataJSON, authenticatorData with its flags and
 * signature counter, a CBOR attestationObject with "none" or "packed" self attestation, a COSE
 * P-256 public key) and signs with its own P-256 keys, as a phone's platform authenticator would.
 * Written from the WebAuthn Level 3 spec, independent of the server's library.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

// ---------------------------------------------------------------- minimal CBOR (RFC 8949) encoder

type Cbor = number | string | Uint8Array | Cbor[] | Map<number | string, Cbor>;

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

export function cbor(v: Cbor): Buffer {
  if (typeof v === 'number') return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    return Buffer.concat([head(3, s.length), s]);
  }
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), Buffer.from(v)]);
  if (Array.isArray(v)) return Buffer.concat([head(4, v.length), ...v.map(cbor)]);
  return Buffer.concat([head(5, v.size), ...[...v].flatMap(([k, x]) => [cbor(k), cbor(x)])]);
}

// ---------------------------------------------------------------- the authenticator

const b64url = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

interface StoredKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  counter: number;
  userHandle: string;
  rpId: string;
}

export interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
}
export interface RequestOptions {
  challenge: string;
  rpId?: string;
}

export class SoftAuthenticator {
  readonly keys = new Map<string, StoredKey>();

  constructor(readonly origin: string) {}

  /** navigator.credentials.create(): a new P-256 key, answered as RegistrationResponseJSON. */
  create(options: CreationOptions, opts: { attestation?: 'none' | 'packed'; origin?: string; userVerified?: boolean; forgeAttestation?: boolean } = {}) {
    const rpId = options.rp.id ?? new URL(this.origin).hostname;
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const credentialId = randomBytes(16);
    const jwk = publicKey.export({ format: 'jwk' });
    const coseKey = cbor(
      new Map<number, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x ?? '', 'base64url')],
        [-3, Buffer.from(jwk.y ?? '', 'base64url')],
      ]),
    );
    const credIdLength = Buffer.alloc(2);
    credIdLength.writeUInt16BE(credentialId.length);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([FLAG_UP | (opts.userVerified === false ? 0 : FLAG_UV) | FLAG_AT]),
      Buffer.alloc(4), // signature counter 0 at creation
      Buffer.alloc(16), // AAGUID: none given
      credIdLength,
      credentialId,
      coseKey,
    ]);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin: opts.origin ?? this.origin, crossOrigin: false }));
    const attStmt =
      opts.attestation === 'packed'
        ? new Map<string, Cbor>([
            ['alg', -7],
            // A forged statement signs other bytes than authenticatorData || clientDataHash.
            ['sig', sign('sha256', Buffer.concat([authData, sha256(opts.forgeAttestation ? 'other' : clientDataJSON)]), { key: privateKey, dsaEncoding: 'der' })],
          ])
        : new Map<string, Cbor>();
    const attestationObject = cbor(
      new Map<string, Cbor>([
        ['fmt', opts.attestation ?? 'none'],
        ['attStmt', attStmt],
        ['authData', authData],
      ]),
    );
    this.keys.set(b64url(credentialId), { privateKey, publicKey, counter: 0, userHandle: options.user.id, rpId });
    return {
      id: b64url(credentialId),
      rawId: b64url(credentialId),
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal'] },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /**
   * navigator.credentials.get() with a discoverable credential: counter + 1, signs
   * authenticatorData || SHA-256(clientDataJSON). `counter` forces a value (a cloned key).
   */
  get(options: RequestOptions, opts: { credentialId?: string; origin?: string; counter?: number; userVerified?: boolean } = {}) {
    const [id, key] = opts.credentialId ? [opts.credentialId, this.keys.get(opts.credentialId)] : [...this.keys][0] ?? [];
    if (!id || !key) throw new Error('no credential on this authenticator');
    key.counter = opts.counter ?? key.counter + 1;
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(key.counter);
    const authenticatorData = Buffer.concat([sha256(options.rpId ?? key.rpId), Buffer.from([FLAG_UP | (opts.userVerified === false ? 0 : FLAG_UV)]), counter]);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin: opts.origin ?? this.origin, crossOrigin: false }));
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), { key: key.privateKey, dsaEncoding: 'der' });
    return {
      id,
      rawId: id,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
        userHandle: key.userHandle,
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }
}
