/**
 * ESIA's person data (REST API `/rs/prns/{oid}` with its contacts and documents embedded), read
 * with the access token after the code exchange, turned into the standard claim names the SSO
 * mapping reads: the name, birth date (dd.MM.yyyy → yyyy-MM-dd), SNILS, INN, `trusted`, and the
 * mobile phone and e-mail ESIA marks VERIFIED. Scopes decide what ESIA answers: fullname,
 * birthdate, snils, inn, mobile, email, id_doc (documents are passed on as `id_doc`, not mapped).
 */
import { ssoFailed } from './identity.rules.js';

export interface EsiaPerson {
  firstName?: string;
  lastName?: string;
  middleName?: string;
  birthDate?: string;
  snils?: string;
  inn?: string;
  trusted?: boolean;
  contacts?: { elements?: Array<{ type?: string; vrfStu?: string; value?: string }> };
  documents?: { elements?: Array<Record<string, unknown>> };
}

export function esiaPersonClaims(person: EsiaPerson): Record<string, unknown> {
  const contact = (type: string) => person.contacts?.elements?.find((c) => c.type === type && typeof c.value === 'string');
  const mobile = contact('MBT');
  const email = contact('EML');
  const birth = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(person.birthDate ?? '');
  const claims: Record<string, unknown> = {
    family_name: person.lastName,
    given_name: person.firstName,
    middle_name: person.middleName,
    birthdate: birth ? `${birth[3]}-${birth[2]}-${birth[1]}` : undefined,
    snils: person.snils,
    // ESIA shows a SNILS only after checking it with the Pension Fund.
    snils_verified: Boolean(person.snils),
    inn: person.inn,
    trusted: person.trusted === true,
    phone_number: mobile?.value,
    phone_number_verified: mobile?.vrfStu === 'VERIFIED',
    email: email?.value,
    email_verified: email?.vrfStu === 'VERIFIED',
    id_doc: person.documents?.elements,
  };
  return Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
}

/** GET {api}/rs/prns/{oid}?embed=(contacts.elements,documents.elements) with the access token. */
export async function fetchEsiaPerson(api: string, oid: string, accessToken: string, timeoutMs: number): Promise<Record<string, unknown>> {
  const url = new URL(`rs/prns/${encodeURIComponent(oid)}`, api.endsWith('/') ? api : `${api}/`);
  url.searchParams.set('embed', '(contacts.elements,documents.elements)');
  try {
    const res = await fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return esiaPersonClaims((await res.json()) as EsiaPerson);
  } catch (err) {
    throw Object.assign(ssoFailed('PROVIDER_REJECTED'), { cause: err });
  }
}
