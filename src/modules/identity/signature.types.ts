/** GraphQL types of the electronic-signature login (beyond the contract). */
import 'reflect-metadata';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';

export enum SignatureAlgorithm {
  RSA_PKCS1_SHA256 = 'RSA_PKCS1_SHA256',
  RSA_PSS_SHA256 = 'RSA_PSS_SHA256',
  ECDSA_SHA256 = 'ECDSA_SHA256',
  ECDSA_SHA384 = 'ECDSA_SHA384',
  GOST3410_2012_256 = 'GOST3410_2012_256',
  GOST3410_2012_512 = 'GOST3410_2012_512',
  GOST_CMS_DETACHED = 'GOST_CMS_DETACHED',
}
registerEnumType(SignatureAlgorithm, {
  name: 'SignatureAlgorithm',
  description: 'How the challenge was signed: RSASSA-PKCS1-v1_5 or RSA-PSS with SHA-256, ECDSA with SHA-256 or SHA-384 (DER or r||s), GOST R 34.10-2012 with Streebog (raw, or a CMS detached signature).',
  valuesConfig: {
    RSA_PKCS1_SHA256: { description: 'RSASSA-PKCS1-v1_5 with SHA-256.' },
    RSA_PSS_SHA256: { description: 'RSA-PSS with SHA-256.' },
    ECDSA_SHA256: { description: 'ECDSA with SHA-256, DER or r||s.' },
    ECDSA_SHA384: { description: 'ECDSA with SHA-384, DER or r||s.' },
    GOST3410_2012_256: { description: 'GOST R 34.10-2012 with a 256-bit key over Streebog-256: s||r big-endian (RFC 4491) or its byte reversal.' },
    GOST3410_2012_512: { description: 'GOST R 34.10-2012 with a 512-bit key over Streebog-512: s||r big-endian (RFC 4491) or its byte reversal.' },
    GOST_CMS_DETACHED: { description: 'A CMS (PKCS#7) detached signature of the challenge by a GOST R 34.10-2012 key, DER in base64, as CryptoPro-style plug-ins make it.' },
  },
});

@ObjectType({ description: 'A text to sign with the key of an electronic-signature certificate; single use, short-lived.' })
export class SignatureChallenge {
  @Field(() => ID, { description: 'Pass it back with the signature.' })
  challengeId!: string;
  @Field({ description: 'Sign exactly these UTF-8 bytes.' })
  dataToSign!: string;
  @Field(() => DateTimeScalar, { description: 'When the challenge stops being accepted.' })
  expiresAt!: Date;
}

@InputType({ description: 'A signed challenge with the certificate that signed it.' })
export class SignatureLoginInput {
  @Field(() => ID, { description: 'The challenge `beginSignatureLogin` returned.' })
  challengeId!: string;
  @Field({ description: 'The signature of dataToSign, base64.' })
  signature!: string;
  @Field(() => [String], { description: 'The signing certificate first, then any intermediate CA certificates; PEM or base64 DER each.' })
  certificates!: string[];
  @Field(() => SignatureAlgorithm, { description: 'The signature algorithm used.' })
  algorithm!: SignatureAlgorithm;
}
