/** GraphQL types of signing beyond login: bound certificates and document signatures (beyond the contract, additive). */
import 'reflect-metadata';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import { Challenge } from '../accounts/index.js';
import type { DocumentSignatureRow } from './certificates.repository.js';
import { SignatureAlgorithm } from './signature.types.js';

export enum SignedDocumentKind {
  APPLICATION_VERSION = 'APPLICATION_VERSION',
  PROFILE_CHANGE_REQUEST = 'PROFILE_CHANGE_REQUEST',
}
registerEnumType(SignedDocumentKind, {
  name: 'SignedDocumentKind',
  description: 'What a citizen signs with a bound certificate.',
  valuesConfig: {
    APPLICATION_VERSION: { description: 'A submitted version of an application (id: the application, version: its version; the latest when omitted).' },
    PROFILE_CHANGE_REQUEST: { description: 'A request to change the name, birth date or passport (version 1).' },
  },
});

@ObjectType({ description: 'An electronic-signature certificate bound to the account: documents are signed with it.' })
export class BoundCertificate {
  @Field(() => ID, { description: "The binding's id (unbindCertificate, SignDocumentInput.certificateId)." })
  id!: string;
  @Field({ description: 'Serial number, hex.' })
  serialNumber!: string;
  @Field({ description: 'The holder as the certificate names them (distinguished name).' })
  subject!: string;
  @Field({ description: 'The certification authority (distinguished name).' })
  issuer!: string;
  @Field(() => DateTimeScalar, { description: 'The certificate is valid from this moment.' })
  notBefore!: Date;
  @Field(() => DateTimeScalar, { description: 'The certificate is valid until this moment; after it, it signs nothing.' })
  notAfter!: Date;
  @Field({ description: 'The certificate names the SNILS the account holds verified: a document signed with it confirms the identity.' })
  qualified!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the binding was completed with the SMS code.' })
  boundAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Set once unbound; an unbound certificate signs nothing.' })
  unboundAt!: Date | null;
}

@ObjectType({ description: 'A started binding: the code sent to the phone, and the text to sign with the certificate\'s key.' })
export class CertificateBinding {
  @Field(() => Challenge, { description: 'The one-time code sent by SMS to the account\'s verified phone (resendCode works).' })
  challenge!: Challenge;
  @Field({ description: 'Sign exactly these UTF-8 bytes with the certificate\'s key (proof of possession).' })
  dataToSign!: string;
}

@InputType({ description: 'The certificate to bind: the signing certificate first, then any intermediate CA certificates.' })
export class BeginCertificateBindingInput {
  @Field(() => [String], { description: 'PEM or base64 DER each.' })
  certificates!: string[];
}

@InputType({ description: 'Finishes a binding: the code from the SMS and the signature of dataToSign.' })
export class CompleteCertificateBindingInput {
  @Field(() => ID, { description: 'The challenge beginCertificateBinding answered.' })
  challengeId!: string;
  @Field({ description: 'The 6-digit code from the SMS.' })
  code!: string;
  @Field({ description: 'The signature of dataToSign, base64 (raw, or a CMS detached signature).' })
  signature!: string;
  @Field(() => SignatureAlgorithm, { description: 'How the signature was made (GOST raw or CMS detached, RSA, ECDSA).' })
  algorithm!: SignatureAlgorithm;
}

@InputType({ description: 'A document to sign or whose signatures to read.' })
export class SignedDocumentInput {
  @Field(() => SignedDocumentKind, { description: 'What kind of document: an application version or a profile change request.' })
  kind!: SignedDocumentKind;
  @Field(() => ID, { description: 'The application or the profile change request.' })
  id!: string;
  @Field(() => Int, { nullable: true, description: 'The application\'s version (the latest when omitted; all versions when reading signatures).' })
  version?: number | null;
}

@ObjectType({ description: 'The canonical text of a document: what its signature covers.' })
export class DocumentToSign {
  @Field(() => SignedDocumentKind, { description: 'What kind of document this is.' })
  kind!: SignedDocumentKind;
  @Field(() => ID, { description: 'The application or the profile change request.' })
  id!: string;
  @Field(() => Int, { description: 'The version the text is of (1 for a profile change request).' })
  version!: number;
  @Field({ description: 'Sign exactly these UTF-8 bytes: a heading line, then the document as canonical JSON (keys sorted, no spaces).' })
  dataToSign!: string;
  @Field({ description: 'SHA-256 of dataToSign, hex.' })
  digest!: string;
}

@InputType({ description: 'A signature of a document\'s canonical text (documentToSign) by a bound certificate.' })
export class SignDocumentInput extends SignedDocumentInput {
  @Field(() => ID, { nullable: true, description: 'The bound certificate (or give `certificate`).' })
  certificateId?: string | null;
  @Field(() => String, { nullable: true, description: 'The signing certificate, PEM or base64 DER; it must be bound to the account.' })
  certificate?: string | null;
  @Field(() => SignatureAlgorithm, { description: 'How the signature was made (GOST raw or CMS detached, RSA, ECDSA).' })
  algorithm!: SignatureAlgorithm;
  @Field({ description: 'The signature of dataToSign, base64: raw, or a CMS detached signature (GOST_CMS_DETACHED).' })
  signature!: string;
}

@ObjectType({ description: 'A kept signature checked again now.' })
export class SignatureVerification {
  @Field({ description: 'The document as stored now is what was signed, the chain was valid at signing, the certificate is not revoked, and the signature is right.' })
  valid!: boolean;
  @Field(() => String, { nullable: true, description: 'Why not: DOCUMENT_CHANGED, SIGNATURE_INVALID, CERTIFICATE_REVOKED, CERTIFICATE_EXPIRED, CERTIFICATE_UNTRUSTED, REVOCATION_UNKNOWN...' })
  reason!: string | null;
  @Field({ description: 'The signer as the certificate names them.' })
  signer!: string;
  @Field({ description: 'The certificate\'s serial number, hex.' })
  serialNumber!: string;
  @Field({ description: 'The certificate\'s issuer.' })
  issuer!: string;
  @Field(() => DateTimeScalar, { description: 'When the signature was received and first checked.' })
  signedAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When this check ran (now).' })
  checkedAt!: Date;
}

@ObjectType({ description: 'A signature of a document by a bound certificate, kept as received.' })
export class DocumentSignature {
  @Field(() => ID, { description: "The kept signature's id." })
  id!: string;
  @Field(() => SignedDocumentKind, { description: 'What kind of document was signed.' })
  kind!: SignedDocumentKind;
  @Field(() => ID, { description: 'The application or the profile change request signed.' })
  documentId!: string;
  @Field(() => Int, { description: 'The version signed (1 for a profile change request).' })
  version!: number;
  @Field(() => SignatureAlgorithm, { description: 'How the signature was made.' })
  algorithm!: SignatureAlgorithm;
  @Field({ description: 'The signature as received, base64.' })
  signature!: string;
  @Field({ description: 'SHA-256 of the signed canonical text, hex.' })
  digest!: string;
  @Field(() => DateTimeScalar, { description: 'When the signature was received and checked.' })
  signedAt!: Date;
  /** The row (for the certificate and verification fields). */
  row!: DocumentSignatureRow;
}
