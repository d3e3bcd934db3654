/** Bound certificates and document signatures: thin, one service call each. */
import DataLoader from 'dataloader';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../shared/errors.js';
import { perRequest, requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { byKeys } from '../../shared/ids.js';
import { toChallenge } from '../accounts/index.js';
import type { BoundCertificateRow, DocumentSignatureRow } from './certificates.repository.js';
import type { CertificateBindings } from './certificates.service.js';
import {
  BeginCertificateBindingInput,
  BoundCertificate,
  CertificateBinding,
  CompleteCertificateBindingInput,
  DocumentSignature,
  DocumentToSign,
  SignDocumentInput,
  SignatureVerification,
  SignedDocumentInput,
  SignedDocumentKind,
} from './certificates.types.js';
import type { DocumentSigning } from './document-signing.service.js';
import { SignatureAlgorithm } from './signature.types.js';

type Ctx = GraphQLContext;

const toCertificate = (r: BoundCertificateRow): BoundCertificate => ({
  id: r.id, serialNumber: r.serialNumber, subject: r.subject, issuer: r.issuer, notBefore: r.notBefore, notAfter: r.notAfter, qualified: r.qualified, boundAt: r.boundAt, unboundAt: r.unboundAt,
});

const toSignature = (r: DocumentSignatureRow): DocumentSignature => ({
  id: r.id, kind: SignedDocumentKind[r.kind], documentId: r.documentId, version: r.version, algorithm: r.algorithm as SignatureAlgorithm,
  signature: r.signature, digest: r.digest, signedAt: r.signedAt, row: r,
});

const certificateLoader = perRequest((signing: DocumentSigning) => new DataLoader<string, BoundCertificateRow | null>(async (ids) => byKeys(ids, await signing.certificatesOf(ids), (r) => r.id)));

@Resolver()
export class CertificatesResolver {
  constructor(private readonly bindings: CertificateBindings) {}

  @Authorized()
  @Query(() => [BoundCertificate], { description: 'The caller\'s bound electronic-signature certificates, newest first.' })
  async myCertificates(@Ctx() ctx: Ctx): Promise<BoundCertificate[]> {
    return (await this.bindings.list(requireViewer(ctx))).map(toCertificate);
  }

  @Authorized()
  @Mutation(() => CertificateBinding, { description: 'Starts binding a certificate: checks it (chain, dates, revocation, the SNILS is the caller\'s), sends a code by SMS and gives the text to sign.' })
  async beginCertificateBinding(@Arg('input', () => BeginCertificateBindingInput, { description: 'The certificate and its chain.' }) input: BeginCertificateBindingInput, @Ctx() ctx: Ctx): Promise<CertificateBinding> {
    const started = await this.bindings.begin(requireViewer(ctx), input.certificates, ctx.meta);
    return { challenge: toChallenge(started.challenge), dataToSign: started.dataToSign };
  }

  @Authorized()
  @Mutation(() => BoundCertificate, { description: 'Finishes a binding with the code from the SMS and the signature of dataToSign.' })
  async completeCertificateBinding(@Arg('input', () => CompleteCertificateBindingInput, { description: 'The code and the proof of possession.' }) input: CompleteCertificateBindingInput, @Ctx() ctx: Ctx): Promise<BoundCertificate> {
    return toCertificate(await this.bindings.complete(requireViewer(ctx), input, ctx.meta));
  }

  @Authorized()
  @Mutation(() => BoundCertificate, { description: 'Unbinds one of the caller\'s certificates: it signs nothing more (kept signatures stay verifiable).' })
  async unbindCertificate(@Arg('id', () => ID, { description: 'The bound certificate (BoundCertificate.id).' }) id: string, @Ctx() ctx: Ctx): Promise<BoundCertificate> {
    return toCertificate(await this.bindings.unbind(requireViewer(ctx), id, ctx.meta));
  }
}

@Resolver(() => DocumentSignature)
export class DocumentSignaturesResolver {
  constructor(private readonly signing: DocumentSigning) {}

  @Authorized()
  @Query(() => DocumentToSign, { description: 'The canonical text of one of the caller\'s documents: what to sign.' })
  documentToSign(@Arg('document', () => SignedDocumentInput, { description: 'The document and, for an application, its version.' }) document: SignedDocumentInput, @Ctx() ctx: Ctx): Promise<DocumentToSign> {
    return this.signing.toSign(requireViewer(ctx), document) as Promise<DocumentToSign>;
  }

  @Authorized()
  @Mutation(() => DocumentSignature, { description: 'Signs one of the caller\'s documents with a bound certificate; checked on receipt and kept. A qualified certificate raises the trust level to CONFIRMED.' })
  async signDocument(@Arg('input', () => SignDocumentInput, { description: 'The document, the certificate and the signature of its canonical text.' }) input: SignDocumentInput, @Ctx() ctx: Ctx): Promise<DocumentSignature> {
    return toSignature(await this.signing.sign(requireViewer(ctx), input, ctx.meta));
  }

  @Authorized()
  @Query(() => [DocumentSignature], { description: 'The signatures of a document the caller may see (its owner; staff who may see the document), oldest first.' })
  async documentSignatures(@Arg('document', () => SignedDocumentInput, { description: 'The document; without a version, the signatures of every version.' }) document: SignedDocumentInput, @Ctx() ctx: Ctx): Promise<DocumentSignature[]> {
    return (await this.signing.signatures(requireViewer(ctx), document)).map(toSignature);
  }

  @FieldResolver(() => BoundCertificate, { description: 'The certificate that signed.' })
  async certificate(@Root() s: DocumentSignature, @Ctx() ctx: Ctx): Promise<BoundCertificate> {
    const row = await certificateLoader(ctx, this.signing).load(s.row.certificateId);
    if (!row) throw notFound('Сертификат');
    return toCertificate(row);
  }

  @FieldResolver(() => SignatureVerification, { description: 'Checks the kept signature again now, against the document as stored now.' })
  async verification(@Root() s: DocumentSignature, @Ctx() ctx: Ctx): Promise<SignatureVerification> {
    const cert = await certificateLoader(ctx, this.signing).load(s.row.certificateId);
    if (!cert) throw notFound('Сертификат');
    const check = await this.signing.verify(requireViewer(ctx), s.row, cert);
    return { ...check, signer: cert.subject, serialNumber: cert.serialNumber, issuer: cert.issuer, signedAt: s.row.signedAt };
  }
}
