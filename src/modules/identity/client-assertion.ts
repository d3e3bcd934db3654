/**
 * `private_key_jwt` client authentication at a provider's token endpoint (RFC 7523, OpenID
 * Connect Core 9): a short-lived JWT (iss = sub = the client id, aud = the token endpoint, a
 * unique jti, iat, exp) signed with the MFC's key, sent as client_assertion. With the GOST key and
 * certificate registered with ESIA the JWT is signed with GOST R 34.10-2012 (alg
 * GOST3410_2012_256 or _512, Streebog of the signing input, the signature s||r big-endian as in
 * RFC 4491, header `x5t#S256` naming the certificate), as ESIA's newer protocol takes client
 * assertions; with an RSA or EC key (PKCS#8) the JWT is RS256 or ES256 through openid-client.
 */
import { createHash, createPrivateKey, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importPKCS8 } from 'jose';
import * as oidc from 'openid-client';
import type { SsoProviderConfig } from '../../config/env.js';
import { gostSign } from './gost.crypto.js';
import type { GostSigner } from './gost.sign.js';

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const LIFETIME_SECONDS = 300;
const b64u = (v: string | Uint8Array) => Buffer.from(v).toString('base64url');

/** A GOST-signed client assertion for `audience` (the token endpoint). */
export function gostClientAssertion(signer: GostSigner, p: { clientId: string; audience: string; now: Date }): string {
  const iat = Math.floor(p.now.getTime() / 1000);
  const header = { alg: `GOST3410_2012_${signer.bits}`, typ: 'JWT', 'x5t#S256': b64u(createHash('sha256').update(new Uint8Array(signer.cert.rawData)).digest()) };
  const payload = { iss: p.clientId, sub: p.clientId, aud: p.audience, jti: randomUUID(), iat, nbf: iat, exp: iat + LIFETIME_SECONDS };
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  const signature = gostSign({ curveOid: signer.curveOid, privateKey: signer.privateKey, data: new TextEncoder().encode(input) });
  return `${input}.${b64u(signature)}`;
}

/** openid-client's client authentication with a GOST-signed client assertion (a fresh one per request). */
export function gostPrivateKeyJwt(signer: GostSigner, clock: { now(): Date }): oidc.ClientAuth {
  return (as, client, body) => {
    body.set('client_id', client.client_id);
    body.set('client_assertion_type', JWT_BEARER);
    body.set('client_assertion', gostClientAssertion(signer, { clientId: client.client_id, audience: as.token_endpoint ?? as.issuer, now: clock.now() }));
  };
}

/** openid-client's private_key_jwt with the provider's RSA (RS256) or P-256 (ES256) key, PKCS#8 PEM inline or a file. */
export async function webPrivateKeyJwt(provider: SsoProviderConfig): Promise<oidc.ClientAuth> {
  const pem = provider.jwtPrivateKey?.replace(/\\n/g, '\n') ?? (provider.jwtPrivateKeyFile ? readFileSync(provider.jwtPrivateKeyFile, 'utf8') : undefined);
  if (!pem) throw new Error(`SSO provider ${provider.id}: jwtPrivateKey(File) required`);
  const type = createPrivateKey(pem).asymmetricKeyType;
  const alg = type === 'rsa' ? 'RS256' : type === 'ec' ? 'ES256' : null;
  if (!alg) throw new Error(`SSO provider ${provider.id}: the client assertion key must be RSA or EC P-256`);
  const key = await importPKCS8(pem, alg);
  return oidc.PrivateKeyJwt(provider.jwtKeyId ? { key, kid: provider.jwtKeyId } : key);
}
