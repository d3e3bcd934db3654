/** ESIA's client secret: its timestamp format, the MFC key read from PKCS#8, and the signature ESIA checks. */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import { issueGost } from '../../../test/helpers/gost-pki.js';
import { esiaClientSecret, esiaTimestamp } from './esia.client-auth.js';
import { verifyGostCms } from './gost.cms.js';
import { gostPrivateKeyPem, gostSigner, parseGostPrivateKey } from './gost.sign.js';

describe('ESIA client secret', () => {
  it('timestamps in ESIA\'s format, in UTC', () => {
    expect(esiaTimestamp(new Date('2026-01-03T04:05:06Z'))).toBe('2026.01.03 04:05:06 +0000');
  });

  it('reads a PKCS#8 GOST key (OCTET STRING little-endian, or an INTEGER big-endian) and refuses a key that is not the certificate\'s', () => {
    const ca = issueGost(null, { subject: 'CN=УЦ, C=RU', ca: true });
    const mfc = issueGost(ca, { subject: 'CN=МФЦ, C=RU', bits: 512 });
    expect(parseGostPrivateKey(gostPrivateKeyPem(mfc)).privateKey).toEqual(mfc.privateKey);
    const asInteger = new asn1js.Sequence({
      value: [
        new asn1js.Integer({ value: 0 }),
        new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '1.2.643.7.1.1.1.2' }), new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: mfc.curveOid })] })] }),
        new asn1js.OctetString({ valueHex: new asn1js.Integer({ valueHex: new Uint8Array([0, ...mfc.privateKey.slice().reverse()]) }).toBER() }),
      ],
    }).toBER();
    expect(parseGostPrivateKey(new Uint8Array(asInteger)).privateKey).toEqual(mfc.privateKey);
    expect(() => gostSigner(gostPrivateKeyPem(ca), mfc.cert)).toThrow(/does not belong/);

    const signer = gostSigner(gostPrivateKeyPem(mfc), mfc.cert);
    const p = { scope: 'openid fullname', timestamp: esiaTimestamp(new Date()), clientId: 'MFC', state: '2f0c3d4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f' };
    const secret = new Uint8Array(Buffer.from(esiaClientSecret(signer, p, new Date()), 'base64url'));
    const signed = new TextEncoder().encode(`${p.scope}${p.timestamp}${p.clientId}${p.state}`);
    expect(verifyGostCms(secret, signed, mfc.cert)).toBe(true);
    expect(verifyGostCms(secret, new TextEncoder().encode(`${p.scope}${p.timestamp}${p.clientId}x`), mfc.cert)).toBe(false);
  });
});
