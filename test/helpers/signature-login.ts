/** Signature login through the API with a GOST test certificate (raw GOST R 34.10-2012 256 signature). */
import { BeginSignatureLoginDocument, CompleteSignatureLoginDocument } from '../../src/sdk/generated/graphql.js';
import type { TestApp } from './app.js';
import { gostSignText, type GostIssued } from './gost-pki.js';
import { errorOf } from './graphql.js';

export async function gostLogin(t: TestApp, user: GostIssued) {
  const { beginSignatureLogin } = await t.client.request(BeginSignatureLoginDocument);
  const input = { challengeId: beginSignatureLogin.challengeId, signature: gostSignText(user, beginSignatureLogin.dataToSign), certificates: [user.pem], algorithm: 'GOST3410_2012_256' as const };
  return t.client.request(CompleteSignatureLoginDocument, { input });
}

/** The `extensions.reason` a refused request answers with. */
export const refusalReason = async (p: Promise<unknown>) => (await errorOf(p)).extensions.reason;
