/**
 * Sends one signed POST to a webhook target. SSRF: unless WEBHOOK_ALLOW_PRIVATE_TARGETS, the host
 * must resolve only to public addresses, checked in the socket's own DNS lookup, so the address
 * checked is the address connected to (no window for DNS rebinding). Redirects are not followed.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isNonPublicAddress } from './webhooks.rules.js';

export class TargetRefused extends Error {}

export interface PostResult {
  status: number | null;
  error: string | null;
}

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 4);
    const refused = addresses.find((a) => isNonPublicAddress(a.address));
    if (refused || addresses.length === 0) return callback(new TargetRefused(`${hostname} resolves to a non-public address`), '', 4);
    if (options.all) return callback(null, addresses, 4);
    const first = addresses[0];
    return first ? callback(null, first.address, first.family) : callback(new TargetRefused(`${hostname} has no address`), '', 4);
  });
};

/** Resolves a host now and says whether it may be a target (for creation; delivery checks again). */
export async function hostRefused(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isNonPublicAddress(host) ? 'Адрес указывает на частную или локальную сеть' : null;
  return new Promise((resolve) => {
    dnsLookup(host, { all: true }, (err, addresses) => {
      if (err) resolve('Имя хоста не найдено');
      else resolve(addresses.some((a) => isNonPublicAddress(a.address)) ? 'Адрес указывает на частную или локальную сеть' : null);
    });
  });
}

export function postSigned(url: string, body: string, headers: Record<string, string>, opts: { timeoutMs: number; allowPrivate: boolean }): Promise<PostResult> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  if (!opts.allowPrivate && isIP(host) && isNonPublicAddress(host)) return Promise.resolve({ status: null, error: 'refused: non-public address' });
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const options: RequestOptions = {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'mfc-account-webhooks/1', ...headers },
    timeout: opts.timeoutMs,
    ...(opts.allowPrivate ? {} : { lookup: guardedLookup }),
  };
  return new Promise((resolve) => {
    const req = request(target, options, (res) => {
      res.resume(); // the body is not kept; only the status counts
      res.on('end', () => resolve({ status: res.statusCode ?? null, error: res.statusCode && res.statusCode < 300 && res.statusCode >= 200 ? null : `HTTP ${res.statusCode ?? '?'}` }));
      res.on('error', (err) => resolve({ status: res.statusCode ?? null, error: err.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs} ms`)));
    req.on('error', (err) => resolve({ status: null, error: err instanceof TargetRefused ? `refused: ${err.message}` : err.message }));
    req.end(body);
  });
}
