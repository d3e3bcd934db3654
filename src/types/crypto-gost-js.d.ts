/** The parts of @wavesenterprise/crypto-gost-js (a CommonJS bundle without typings) used here. */
declare module '@wavesenterprise/crypto-gost-js' {
  export interface GostSignAlgorithm {
    name: 'GOST R 34.10';
    version?: number;
    length?: number;
    namedCurve?: string;
    procreator?: 'CP' | 'SC' | 'VN';
    ukm?: ArrayBuffer | Uint8Array;
    hash?: { name: 'GOST R 34.11'; version?: number; length?: number };
  }
  export interface GostSigner {
    sign(privateKey: ArrayBuffer | Uint8Array, data: ArrayBuffer | Uint8Array): ArrayBuffer;
    verify(publicKey: ArrayBuffer | Uint8Array, signature: ArrayBuffer | Uint8Array, data: ArrayBuffer | Uint8Array): boolean;
    generateKey(): { privateKey: ArrayBuffer; publicKey: ArrayBuffer };
  }
  export interface GostDigester {
    digest(data: ArrayBuffer | Uint8Array): ArrayBuffer;
  }
  const gost: {
    GostEngine: {
      getGostSign(algorithm: GostSignAlgorithm): GostSigner;
      getGostDigest(algorithm: { name: 'GOST R 34.11'; version?: number; length?: number }): GostDigester;
    };
  };
  export default gost;
}
