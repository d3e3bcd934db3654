/**
 * ESIA's authentication of its client systems (the classic protocol of the ESIA methodological
 * recommendations): every request to /ac (authorization) and /te (token) carries `timestamp`
 * ("yyyy.MM.dd HH:mm:ss +0000"), `state` (a UUID) and `client_secret`, the base64url of a CMS
 * detached GOST signature of scope + timestamp + client_id + state made with the key whose
 * certificate the operator registered with ESIA; the authorization request also carries
 * `access_type=online`.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import type * as oidc from 'openid-client';
import type { SsoProviderConfig } from '../../config/env.js';
import { gostSigner, signGostCms, type GostSigner } from './gost.sign.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** ESIA's timestamp format, in UTC. */
export function esiaTimestamp(d: Date): string {
  return `${d.getUTCFullYear()}.${pad(d.getUTCMonth() + 1)}.${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** The provider's GOST key and certificate from the configuration (inline or files); checked to match. */
export function loadEsiaSigner(provider: SsoProviderConfig): GostSigner {
  const read = (inline: string | undefined, file: string | undefined) => inline?.replace(/\\n/g, '\n') ?? (file ? readFileSync(file, 'utf8') : undefined);
  const key = read(provider.gostPrivateKey, provider.gostPrivateKeyFile);
  const certText = read(provider.gostCertificate, provider.gostCertificateFile);
  if (!key || !certText) throw new Error(`SSO provider ${provider.id}: GOST key and certificate required`);
  const cert = new x509.X509Certificate(certText.includes('-----BEGIN') ? certText : Buffer.from(certText.replace(/\s+/g, ''), 'base64'));
  return gostSigner(key, cert);
}

/** client_secret for these scope, timestamp, client id and state. */
export function esiaClientSecret(signer: GostSigner, p: { scope: string; timestamp: string; clientId: string; state: string }, now: Date): string {
  const text = `${p.scope}${p.timestamp}${p.clientId}${p.state}`;
  return Buffer.from(signGostCms(signer, new TextEncoder().encode(text), now)).toString('base64url');
}

/** The extra parameters of the authorization request (its state must be a UUID). */
export function esiaAuthorizationParams(signer: GostSigner, p: { scope: string; clientId: string; state: string }, now: Date): Record<string, string> {
  const timestamp = esiaTimestamp(now);
  return { timestamp, access_type: 'online', client_secret: esiaClientSecret(signer, { ...p, timestamp }, now) };
}

/** openid-client's client authentication at the token endpoint, the ESIA way (a fresh state UUID per request). */
export function esiaClientAuth(signer: GostSigner, scope: string, clock: { now(): Date }): oidc.ClientAuth {
  return (_as, client, body) => {
    const now = clock.now();
    const timestamp = esiaTimestamp(now);
    const state = randomUUID();
    body.set('client_id', client.client_id);
    body.set('scope', scope);
    body.set('timestamp', timestamp);
    body.set('state', state);
    body.set('token_type', 'Bearer');
    body.set('client_secret', esiaClientSecret(signer, { scope, timestamp, clientId: client.client_id, state }, now));
  };
}
