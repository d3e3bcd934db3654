/**
 * Readiness of a booking (pure): the service's required personal documents against the documents
 * on file of whoever the visit is for. A required kind with no document at all is missing; the
 * documents of a required kind that are rejected or expire before the visit's local day are
 * invalid, unless another document of that kind is good. Required papers without a kind (a
 * receipt, a medical report) are brought along and not checked here.
 */

export interface RequiredDoc {
  kind: string | null;
  title: string;
  description: string | null;
  optional: boolean;
}

export interface DocOnFile {
  kind: string;
  /** YYYY-MM-DD, the last day the document is valid. */
  expiresAt: string | null;
  verificationStatus: string;
}

export interface Readiness<D> {
  ready: boolean;
  missing: RequiredDoc[];
  invalid: D[];
  /** What to say about each problem: the required document's title and why. */
  problems: string[];
}

export function isGoodForVisit(doc: DocOnFile, visitDay: string): boolean {
  return doc.verificationStatus !== 'REJECTED' && (doc.expiresAt === null || doc.expiresAt >= visitDay);
}

export function readinessOf<D extends DocOnFile>(required: readonly RequiredDoc[], onFile: readonly D[], visitDay: string): Readiness<D> {
  const missing: RequiredDoc[] = [];
  const invalid: D[] = [];
  const problems: string[] = [];
  for (const r of required) {
    if (r.optional || !r.kind) continue;
    const ofKind = onFile.filter((d) => d.kind === r.kind);
    if (ofKind.some((d) => isGoodForVisit(d, visitDay))) continue;
    if (ofKind.length === 0) {
      missing.push(r);
      problems.push(r.title);
      continue;
    }
    invalid.push(...ofKind);
    problems.push(`${r.title} (${ofKind.some((d) => d.verificationStatus === 'REJECTED') ? 'отклонён' : 'истекает до визита'})`);
  }
  return { ready: problems.length === 0, missing, invalid, problems };
}
