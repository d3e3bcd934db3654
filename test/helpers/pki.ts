/**
 * A test PKI for the signature login: CAs, intermediate CAs and user certificates generated with
 * @peculiar/x509 over WebCrypto, with the subject attributes of Russian qualified certificates
 * (SNILS 1.2.643.100.3, INN 1.2.643.3.131.1.1, INNLE 1.2.643.100.4 as NumericString), and the
 * client's side of the login: signing the challenge with the certificate's key.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);
const subtle = webcrypto.subtle;

export type KeyKind = 'EC' | 'RSA';

const keyParams = (kind: KeyKind) =>
  kind === 'EC'
    ? { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
    : { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

export interface Issued {
  cert: x509.X509Certificate;
  keys: webcrypto.CryptoKeyPair;
  kind: KeyKind;
  pem: string;
}

const DAY = 86_400_000;
let serial = 1000;
const nextSerial = () => (serial++).toString(16).padStart(4, '0');

/** NumericString (tag 0x12) of digits, written as an RFC 4514 hex value. */
const numeric = (digits: string) => `#12${digits.length.toString(16).padStart(2, '0')}${Buffer.from(digits, 'ascii').toString('hex')}`;

async function generate(kind: KeyKind): Promise<webcrypto.CryptoKeyPair> {
  return (await subtle.generateKey(keyParams(kind), true, ['sign', 'verify']));
}

export async function makeRootCa(name: string, opts: { kind?: KeyKind; notBefore?: Date; notAfter?: Date } = {}): Promise<Issued> {
  const kind = opts.kind ?? 'EC';
  const keys = await generate(kind);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: `CN=${name}, O=Тестовый УЦ, C=RU`,
    keys: keys as never, // node's and the DOM's CryptoKey types differ only on paper
    signingAlgorithm: keyParams(kind),
    notBefore: opts.notBefore ?? new Date(Date.now() - 365 * DAY),
    notAfter: opts.notAfter ?? new Date(Date.now() + 3650 * DAY),
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  return { cert, keys, kind, pem: cert.toString('pem') };
}

/** A certificate issued by `issuer`: a CA (intermediate) or a person's signing certificate. */
export async function issue(
  issuer: Issued,
  opts: {
    subject: string;
    kind?: KeyKind;
    ca?: boolean;
    keyUsage?: number;
    notBefore?: Date;
    notAfter?: Date;
  },
): Promise<Issued> {
  const kind = opts.kind ?? 'EC';
  const keys = await generate(kind);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: opts.subject,
    issuer: issuer.cert.subject,
    publicKey: keys.publicKey as never,
    signingKey: issuer.keys.privateKey as never,
    signingAlgorithm: keyParams(issuer.kind),
    notBefore: opts.notBefore ?? new Date(Date.now() - DAY),
    notAfter: opts.notAfter ?? new Date(Date.now() + 365 * DAY),
    extensions: [
      new x509.BasicConstraintsExtension(opts.ca ?? false, undefined, true),
      new x509.KeyUsagesExtension(opts.keyUsage ?? (opts.ca ? x509.KeyUsageFlags.keyCertSign : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation), true),
    ],
  });
  return { cert, keys, kind, pem: cert.toString('pem') };
}

/** The subject of a person's qualified certificate. */
export function personSubject(p: { name: string; snils?: string; inn?: string; innle?: string }): string {
  return [
    `CN=${p.name}`,
    p.snils ? `1.2.643.100.3=${numeric(p.snils)}` : null,
    p.inn ? `1.2.643.3.131.1.1=${numeric(p.inn)}` : null,
    p.innle ? `1.2.643.100.4=${numeric(p.innle)}` : null,
    'C=RU',
  ]
    .filter(Boolean)
    .join(', ');
}

/** What the client's signing tool does: sign the UTF-8 bytes, answer base64. */
export type SigningAlgorithm = 'RSA_PKCS1_SHA256' | 'RSA_PSS_SHA256' | 'ECDSA_SHA256';

export async function signChallenge(holder: Issued, data: string, algorithm: SigningAlgorithm): Promise<string> {
  const bytes = new TextEncoder().encode(data);
  let params: webcrypto.AlgorithmIdentifier | webcrypto.EcdsaParams | webcrypto.RsaPssParams;
  let key = holder.keys.privateKey;
  if (algorithm === 'ECDSA_SHA256') params = { name: 'ECDSA', hash: 'SHA-256' };
  else if (algorithm === 'RSA_PKCS1_SHA256') params = { name: 'RSASSA-PKCS1-v1_5' };
  else {
    // The same RSA key, imported for PSS (WebCrypto ties a key object to one scheme).
    const pkcs8 = await subtle.exportKey('pkcs8', holder.keys.privateKey);
    key = await subtle.importKey('pkcs8', pkcs8, { name: 'RSA-PSS', hash: 'SHA-256' }, false, ['sign']);
    params = { name: 'RSA-PSS', saltLength: 32 };
  }
  return Buffer.from(await subtle.sign(params, key, bytes)).toString('base64');
}
