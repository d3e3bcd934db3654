/** GOST R 34.10-2012 / 34.11-2012: the standards' examples, and the encodings of certificates and CMS. */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import gost from '@wavesenterprise/crypto-gost-js';
import { gostCmsDetached, gostSignText, issueGost } from '../../../test/helpers/gost-pki.js';
import { streebog } from './gost.crypto.js';
import { verifyGostCms } from './gost.cms.js';
import { checkGostSignature, gostKeyOf, isGostSigned } from './gost.x509.js';
import { GostVerifier } from './signature.verifiers.js';

/** Big-endian hex of the standard to the library's little-endian bytes. */
const le = (hex: string) => new Uint8Array(Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex').reverse());
const hexBe = (bytes: ArrayBuffer) => Buffer.from(new Uint8Array(bytes)).reverse().toString('hex').toUpperCase();

/** GOST R 34.10-2012, appendix A: the curve, d, e (the hash as a number), k and the expected (r, s) and Q. */
const EXAMPLES = [
  {
    curve: 'S-256-TEST', length: 256,
    d: '7A929ADE789BB9BE10ED359DD39A72C11B60961F49397EEE1D19CE9891EC3B28',
    e: '2DFBC1B372D89A1188C09C52E0EEC61FCE52032AB1022E8E67ECE6672B043EE5',
    k: '77105C9B20BCD3122823C8CF6FCC7B956DE33814E95B7FE64FED924594DCEAB3',
    r: '41AA28D2F1AB148280CD9ED56FEDA41974053554A42767B83AD043FD39DC0493',
    s: '01456C64BA4642A1653C235A98A60249BCD6D3F746B631DF928014F6C5BF9C40',
    xQ: '7F2B49E270DB6D90D8595BEC458B50C58585BA1D4E9B788F6689DBD8E56FD80B',
    yQ: '26F1B489D6701DD185C8413A977B3CBBAF64D1C593D26627DFFB101A87FF77DA',
  },
  {
    curve: 'T-512-TEST', length: 512,
    d: '0BA6048AADAE241BA40936D47756D7C93091A0E8514669700EE7508E508B102072E8123B2200A0563322DAD2827E2714A2636B7BFD18AADFC62967821FA18DD4',
    e: '3754F3CFACC9E0615C4F4A7C4D8DAB531B09B6F9C170C533A71D147035B0C5917184EE536593F4414339976C647C5D5A407ADEDB1D560C4FC6777D2972075B8C',
    k: '0359E7F4B1410FEACC570456C6801496946312120B39D019D455986E364F365886748ED7A44B3E794434006011842286212273A6D14CF70EA3AF71BB1AE679F1',
    r: '2F86FA60A081091A23DD795E1E3C689EE512A3C82EE0DCC2643C78EEA8FCACD35492558486B20F1C9EC197C90699850260C93BCBCD9C5C3317E19344E173AE36',
    s: '1081B394696FFE8E6585E7A9362D26B6325F56778AADBC081C0BFBE933D52FF5823CE288E8C4F362526080DF7F70CE406A6EEB1F56919CB92A9853BDE73E5B4A',
    xQ: '115DC5BC96760C7B48598D8AB9E740D4C4A85A65BE33C1815B5C320C854621DD5A515856D13314AF69BC5B924C8B4DDFF75C45415C1D9DD9DD33612CD530EFE1',
    yQ: '37C7C90CD40B0F5621DC3AC1B751CFA0E2634FA0503B3D52639F5D7FB72AFD61EA199441D943FFE7F0C70A2759A3CDB84C114E1F9339FDF27F35ECA93677BEEC',
  },
];

describe('GOST R 34.10-2012, the examples of its appendix A', () => {
  for (const x of EXAMPLES) {
    it(`${x.length} bits: the signature (r, s) for d, e and k, and its check with Q`, () => {
      const engine = gost.GostEngine.getGostSign({ name: 'GOST R 34.10', version: 2012, length: x.length, namedCurve: x.curve, ukm: le(x.k) });
      const signature = engine.sign(le(x.d), le(x.e));
      // The library's order is r||s little-endian: reversed, that is s||r big-endian.
      expect(hexBe(signature)).toBe(`${x.s}${x.r}`);
      const publicKey = new Uint8Array([...le(x.xQ), ...le(x.yQ)]);
      expect(engine.verify(publicKey, signature, le(x.e))).toBe(true);
      const tampered = le(x.e);
      tampered[0] = (tampered[0] ?? 0) ^ 1;
      expect(engine.verify(publicKey, signature, tampered)).toBe(false);
    });
  }
});

describe('GOST R 34.11-2012 (Streebog), the examples of RFC 6986', () => {
  const M1 = new TextEncoder().encode('012345678901234567890123456789012345678901234567890123456789012');
  it('256 and 512 bits of message M1, in the byte order OpenSSL prints', () => {
    expect(Buffer.from(streebog(256, M1)).toString('hex')).toBe('9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500');
    expect(Buffer.from(streebog(512, M1)).toString('hex')).toBe(
      '1b54d01a4af5b9d5cc3d86d68d285462b19abc2475222f35c085122be4ba1ffa00ad30f8767b3a82384c6574f024c311e2a481332b08ef7f41797891c1646f48',
    );
  });
});

describe('GOST keys in certificates and CMS', () => {
  const root = issueGost(null, { subject: 'CN=Корневой УЦ ГОСТ, C=RU', ca: true });
  for (const bits of [256, 512] as const) {
    it(`${bits} bits: the key is read, the CA's signature checks, raw and CMS signatures verify and tampering fails`, () => {
      const user = issueGost(root, { subject: 'CN=Иванов Иван, C=RU', bits });
      expect(gostKeyOf(user.cert)).toMatchObject({ bits });
      expect(isGostSigned(user.cert)).toBe(true);
      expect(checkGostSignature(user.cert, root.cert)).toBe(true);
      expect(checkGostSignature(user.cert, user.cert)).toBe(false);
      const verifier = new GostVerifier();
      const data = new TextEncoder().encode('Вход');
      const algorithm = `GOST3410_2012_${bits}`;
      expect(verifier.supports(algorithm, user.cert)).toBe(true);
      expect(verifier.supports(`GOST3410_2012_${bits === 256 ? 512 : 256}`, user.cert)).toBe(false);
      for (const order of ['rfc4491', 'cryptoapi'] as const) {
        const signature = Buffer.from(gostSignText(user, 'Вход', order), 'base64');
        expect(verifier.verify({ algorithm, certificate: user.cert, data, signature })).toBe(true);
        expect(verifier.verify({ algorithm, certificate: user.cert, data: new TextEncoder().encode('Выход'), signature })).toBe(false);
      }
      const cms = Buffer.from(gostCmsDetached(user, 'Вход'), 'base64');
      expect(verifyGostCms(cms, data, user.cert)).toBe(true);
      expect(verifyGostCms(cms, new TextEncoder().encode('Выход'), user.cert)).toBe(false);
      expect(verifyGostCms(cms, data, root.cert)).toBe(false); // another certificate is not the signer
      const flipped = Buffer.from(cms);
      flipped[flipped.length - 5] = (flipped[flipped.length - 5] ?? 0) ^ 1; // inside the signature value
      expect(verifyGostCms(flipped, data, user.cert)).toBe(false);
    });
  }
});
