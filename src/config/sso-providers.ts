/** The shape of one entry of SSO_PROVIDERS (a JSON array): an OpenID Connect provider and how its claims map onto accounts. */
import { z } from 'zod';

/**
 * Maps a provider's claims onto account fields: a claim name (a dotted path for nested claims)
 * for each value; for the `*Verified` flags either a claim that must be `true` or a constant
 * (`true` when the provider verifies that value for every account, as ESIA does for SNILS).
 */
const claimMapping = z
  .object({
    snils: z.string().default('snils'),
    snilsVerified: z.union([z.string(), z.boolean()]).default('snils_verified'),
    inn: z.string().default('inn'),
    phone: z.string().default('phone_number'),
    phoneVerified: z.union([z.string(), z.boolean()]).default('phone_number_verified'),
    email: z.string().default('email'),
    emailVerified: z.union([z.string(), z.boolean()]).default('email_verified'),
    lastName: z.string().default('family_name'),
    firstName: z.string().default('given_name'),
    middleName: z.string().default('middle_name'),
    birthDate: z.string().default('birthdate'),
  })
  .strict();

export const ssoProvider = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _'),
    name: z.string().min(1),
    issuer: z.url(),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    /** client_secret_basic (default) or client_secret_post at the token endpoint. */
    tokenEndpointAuth: z.enum(['client_secret_basic', 'client_secret_post']).default('client_secret_basic'),
    scopes: z.array(z.string().min(1)).default(['openid']).refine((s) => s.includes('openid'), 'must include openid'),
    /** Where the provider may send the browser back to: beginSsoLogin refuses any other redirectUri. */
    redirectUris: z.array(z.url()).min(1),
    claims: claimMapping.default(claimMapping.parse({})),
    /** The identity counts as confirmed (trust level CONFIRMED) when this claim has this value. */
    confirmedWhen: z.object({ claim: z.string().min(1), equals: z.union([z.string(), z.boolean(), z.number()]) }).strict().optional(),
    /** Also read the UserInfo endpoint (its subject must match the ID token's). */
    userinfo: z.boolean().default(true),
    /** Plain-HTTP issuer: only for a provider on loopback in tests and local development. */
    allowInsecureHttp: z.boolean().default(false),
    /**
     * How this system authenticates to the provider: `secret` (clientSecret, tokenEndpointAuth) or
     * `esia_gost_signature` (ESIA: client_secret is a CMS detached GOST signature of
     * scope+timestamp+clientId+state by the key and certificate registered with ESIA) or
     * `private_key_jwt` (a client_assertion JWT: GOST-signed with the gost key and certificate when
     * given, else RS256/ES256 with jwtPrivateKey).
     */
    clientAuth: z.enum(['secret', 'esia_gost_signature', 'private_key_jwt']).default('secret'),
    /** For private_key_jwt without a GOST key: an RSA or EC P-256 private key, PKCS#8 PEM, inline or as a file path. */
    jwtPrivateKey: z.string().min(1).optional(),
    jwtPrivateKeyFile: z.string().min(1).optional(),
    /** The `kid` the provider knows that key by (its JWKS), if it wants one. */
    jwtKeyId: z.string().min(1).optional(),
    /** The MFC's GOST private key, PKCS#8 (PEM or base64 DER), inline or as a file path. */
    gostPrivateKey: z.string().min(1).optional(),
    gostPrivateKeyFile: z.string().min(1).optional(),
    /** The certificate of that key registered with ESIA (PEM or base64 DER), inline or as a file path. */
    gostCertificate: z.string().min(1).optional(),
    gostCertificateFile: z.string().min(1).optional(),
    /** ESIA's REST API base (e.g. https://esia.gosuslugi.ru/): person data from /rs/prns/{oid} (oid = the ID token's sub). */
    esiaApiUrl: z.url().optional(),
  })
  .strict()
  .refine((p) => p.clientAuth !== 'esia_gost_signature' || ((p.gostPrivateKey ?? p.gostPrivateKeyFile) && (p.gostCertificate ?? p.gostCertificateFile)), {
    message: 'esia_gost_signature needs gostPrivateKey(File) and gostCertificate(File)',
  })
  .refine((p) => p.clientAuth !== 'private_key_jwt' || (p.gostPrivateKey ?? p.gostPrivateKeyFile ?? p.jwtPrivateKey ?? p.jwtPrivateKeyFile), {
    message: 'private_key_jwt needs gostPrivateKey(File) with gostCertificate(File), or jwtPrivateKey(File)',
  });
export type SsoProviderConfig = z.infer<typeof ssoProvider>;
