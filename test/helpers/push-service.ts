/**
 * A local HTTP server standing in for a browser's push service (RFC 8030), plus the browser side
 * of a subscription: a P-256 key pair and an auth secret. Every push received is checked like a
 * push service and a browser would: the VAPID JWT is verified against the key in the
 * Authorization header, and the aes128gcm body (RFC 8291) is decrypted with the subscription's
 * private key, so a test reads the very text the device would show.
 */
import { createECDH, createDecipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';

export interface ReceivedPush {
  subscription: string;
  headers: Record<string, string | string[] | undefined>;
  audience: string;
  payload: { title: string; body: string; notificationId: string; urgent: boolean };
  receivedAt: Date;
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

function decrypt(body: Buffer, ua: { privateKey: Buffer; publicKey: Buffer; auth: Buffer }): string {
  const salt = body.subarray(0, 16);
  const idlen = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idlen);
  const record = body.subarray(21 + idlen);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(ua.privateKey);
  const secret = ecdh.computeSecret(asPublic);
  const prkKey = hmac(ua.auth, secret);
  const ikm = hmac(prkKey, Buffer.concat([Buffer.from('WebPush: info\0'), ua.publicKey, asPublic, Buffer.from([1])]));
  const prk = hmac(salt, ikm);
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = plain.length - 1;
  while (end > 0 && plain[end] === 0) end -= 1;
  if (plain[end] !== 2) throw new Error('bad padding delimiter');
  return plain.subarray(0, end).toString('utf8');
}

async function verifyVapid(header: string | undefined): Promise<string> {
  const m = /^vapid t=([^,]+),\s*k=(\S+)$/.exec(header ?? '');
  if (!m?.[1] || !m[2]) throw new Error(`bad VAPID Authorization header: ${header ?? '(none)'}`);
  const key = Buffer.from(m[2], 'base64url');
  const jwk = { kty: 'EC', crv: 'P-256', x: key.subarray(1, 33).toString('base64url'), y: key.subarray(33, 65).toString('base64url') };
  if (decodeProtectedHeader(m[1]).alg !== 'ES256') throw new Error('VAPID JWT must be ES256');
  const { payload } = await jwtVerify(m[1], await importJWK(jwk, 'ES256'));
  return String(payload.aud);
}

export async function startPushService() {
  const received: ReceivedPush[] = [];
  const subscriptions = new Map<string, { privateKey: Buffer; publicKey: Buffer; auth: Buffer }>();
  const statusFor = new Map<string, number>();
  const errors: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = (req.url ?? '').replace(/^\/push\//, '');
      const forced = statusFor.get(id);
      const ua = subscriptions.get(id);
      if (forced) {
        res.writeHead(forced).end();
        return;
      }
      if (!ua) {
        res.writeHead(404).end();
        return;
      }
      verifyVapid(req.headers.authorization)
        .then((audience) => {
          const payload = JSON.parse(decrypt(Buffer.concat(chunks), ua)) as ReceivedPush['payload'];
          received.push({ subscription: id, headers: req.headers, audience, payload, receivedAt: new Date() });
          res.writeHead(201, { location: `/messages/${randomUUID()}` }).end();
        })
        .catch((err: unknown) => {
          errors.push(err instanceof Error ? err.message : String(err));
          res.writeHead(400).end();
        });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    received,
    /** Requests that failed verification or decryption (a test should expect none). */
    errors,
    /** A browser subscription: what the page would pass to registerPushSubscription. */
    subscribe() {
      const ecdh = createECDH('prime256v1');
      const publicKey = ecdh.generateKeys();
      const auth = randomBytes(16);
      const id = randomUUID();
      subscriptions.set(id, { privateKey: ecdh.getPrivateKey(), publicKey, auth });
      return { id, endpoint: `${origin}/push/${id}`, p256dh: publicKey.toString('base64url'), auth: auth.toString('base64url') };
    },
    /** Answers every push to this subscription with `status` (e.g. 410 Gone: the browser unsubscribed). */
    respondWith(subscriptionId: string, status: number) {
      statusFor.set(subscriptionId, status);
    },
    async waitFor(predicate: (p: ReceivedPush) => boolean, timeoutMs = 5000): Promise<ReceivedPush> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const p = received.find(predicate);
        if (p) return p;
        if (Date.now() > deadline) throw new Error(`no matching push within ${timeoutMs} ms (got ${received.length}; errors: ${errors.join('; ')})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
