/**
 * Login through an OpenID Connect provider (Gosuslugi/ESIA or any other configured in
 * SSO_PROVIDERS): the authorization-code flow with PKCE (S256), state and nonce kept server-side
 * (single use, SSO_STATE_TTL_SECONDS), the redirect URI checked against the provider's allowlist,
 * and the code exchanged and the ID token verified by openid-client (issuer, audience, nonce,
 * signature against the provider's JWKS, expiry).
 *
 * Accounts are linked by the provider's (iss, sub). On a first login the account is matched only
 * by a SNILS or a phone the provider says it verified; an e-mail never links an account. With no
 * match an account is created from the claims. Claims that vouch for a confirmed identity
 * (`confirmedWhen`) raise the trust level to CONFIRMED; nothing here ever lowers it.
 */
import { createHmac, randomUUID } from 'node:crypto';
import * as oidc from 'openid-client';
import type { SsoProviderConfig } from '../../config/env.js';
import type { Executor } from '../../db/client.js';
import { AppError, badField, preconditionFailed } from '../../shared/errors.js';
import type { RequestMeta } from '../../shared/request-meta.js';
import type { AuthPayloadView, UserRow } from '../accounts/index.js';
import type { IdentityDeps } from './identity.deps.js';
import { mapClaims, ssoFailed, type SsoIdentity } from './identity.rules.js';
import * as repo from './identity.repository.js';
import { esiaAuthorizationParams, esiaClientAuth, loadEsiaSigner } from './esia.client-auth.js';
import { gostPrivateKeyJwt, webPrivateKeyJwt } from './client-assertion.js';
import { fetchEsiaPerson } from './esia.person.js';
import type { GostSigner } from './gost.sign.js';

export interface SsoProviderView {
  id: string;
  name: string;
}

interface SsoStatePayload {
  providerId: string;
  redirectUri: string;
  nonce: string;
  codeVerifier: string;
}

export class SsoService {
  private readonly configurations = new Map<string, Promise<oidc.Configuration>>();
  private readonly esiaSigners = new Map<string, GostSigner>();

  constructor(private readonly deps: IdentityDeps) {}

  providers(): SsoProviderView[] {
    return this.deps.config.SSO_PROVIDERS.map((p) => ({ id: p.id, name: p.name }));
  }

  /** The provider's authorization URL for the browser; the state, nonce and PKCE verifier stay here. */
  async begin(providerId: string, redirectUri: string, meta: RequestMeta): Promise<{ authorizationUrl: string; state: string }> {
    const { config, clock, db, rateLimiter } = this.deps;
    const provider = this.provider(providerId);
    if (!provider) throw badField('providerId', 'Такой способ входа не настроен');
    if (!provider.redirectUris.includes(redirectUri)) throw badField('redirectUri', 'Этот адрес возврата не разрешён для входа через внешнюю учётную запись');
    if (meta.ip) {
      await rateLimiter.hit([{ key: `login:ip:${meta.ip}`, limit: config.RATE_LIMIT_LOGINS_PER_IP, windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS }]);
    }
    const configuration = await this.configuration(provider);
    const esia = provider.clientAuth === 'esia_gost_signature' ? this.esiaSigner(provider) : undefined;
    // ESIA takes only a UUID as state.
    const state = esia ? randomUUID() : oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const scope = provider.scopes.join(' ');
    const url = oidc.buildAuthorizationUrl(configuration, {
      ...(esia ? esiaAuthorizationParams(esia, { scope, clientId: provider.clientId, state }, clock.now()) : {}),
      response_type: 'code',
      redirect_uri: redirectUri,
      scope,
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    const now = clock.now();
    const payload: SsoStatePayload = { providerId: provider.id, redirectUri, nonce, codeVerifier };
    await repo.insertLoginChallenge(db, {
      kind: 'SSO',
      lookupHash: this.stateHash(state),
      payload: { ...payload },
      ip: meta.ip,
      now,
      expiresAt: new Date(now.getTime() + config.SSO_STATE_TTL_SECONDS * 1000),
    });
    return { authorizationUrl: url.href, state };
  }

  /** Exchanges the code, verifies the ID token, finds, links or creates the account and signs in. */
  async complete(state: string, code: string, meta: RequestMeta): Promise<AuthPayloadView> {
    const { clock, db, log } = this.deps;
    // The state is spent before anything else: a second completion with it fails whatever happens.
    const row = await repo.consumeLoginChallenge(db, { lookupHash: this.stateHash(state) }, { kind: 'SSO', now: clock.now() });
    if (!row) throw ssoFailed('STATE_INVALID');
    const saved = row.payload as unknown as SsoStatePayload;
    const provider = this.provider(saved.providerId);
    if (!provider) throw ssoFailed('STATE_INVALID');
    const configuration = await this.configuration(provider);

    const callback = new URL(saved.redirectUri);
    callback.searchParams.set('code', code);
    callback.searchParams.set('state', state);
    // RFC 9207: the state is bound to one provider here, so its issuer is the expected one; a
    // code from any other provider fails the exchange at this provider's token endpoint.
    if (configuration.serverMetadata().authorization_response_iss_parameter_supported) {
      callback.searchParams.set('iss', configuration.serverMetadata().issuer);
    }
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: saved.codeVerifier,
        expectedState: state,
        expectedNonce: saved.nonce,
        idTokenExpected: true,
      });
      const idToken = tokens.claims();
      if (!idToken) throw ssoFailed('ID_TOKEN_INVALID');
      claims = { ...idToken };
      if (provider.userinfo && configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
        const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
        // Identity claims of the ID token win; the UserInfo response adds what it lacks.
        claims = { ...userinfo, ...claims };
      }
      if (provider.esiaApiUrl && tokens.access_token) {
        // ESIA's person data; the ID token's sub is the person's oid. The ID token's identity claims still win.
        claims = { ...(await fetchEsiaPerson(provider.esiaApiUrl, idToken.sub, tokens.access_token, 10_000)), ...claims };
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      const rejected = err instanceof oidc.ResponseBodyError || err instanceof oidc.AuthorizationResponseError;
      log.warn({ provider: provider.id, err: err instanceof Error ? err.message : String(err), code: (err as { code?: unknown }).code }, 'sso login refused');
      throw ssoFailed(rejected ? 'PROVIDER_REJECTED' : 'ID_TOKEN_INVALID');
    }
    const identity = mapClaims(provider, claims);
    return this.signIn(provider, identity, meta);
  }

  private async signIn(provider: SsoProviderConfig, identity: SsoIdentity, meta: RequestMeta): Promise<AuthPayloadView> {
    const { db, accounts } = this.deps;
    const linked = await repo.findSsoIdentity(db, identity.issuer, identity.subject);
    const linkedUser = linked ? await accounts.userById(linked.userId) : undefined;
    const matched = linkedUser ? undefined : await this.match(identity);
    const user = linkedUser ?? matched?.user;
    // One person has one subject at a provider: an account already linked to another subject
    // there is not taken over by a second one that shows the same SNILS or phone.
    if (matched && (await repo.findUserSsoIdentityAt(db, matched.user.id, identity.issuer))) {
      throw preconditionFailed('Эта учётная запись уже связана с другой учётной записью у этого провайдера', { reason: 'ALREADY_LINKED' });
    }
    if (user) return this.signInLinked(provider, identity, user, { linkedId: linked?.id, matchedBy: matched?.by }, meta);
    try {
      return await this.signUp(provider, identity, meta);
    } catch (err) {
      // A parallel first login with the same subject created the account a moment ago.
      if (err instanceof ParallelSignUp && (await repo.findSsoIdentity(db, identity.issuer, identity.subject))) return this.signIn(provider, identity, meta);
      throw err;
    }
  }

  /** A known account: the link touched (or made, journalled), the vouched SNILS and trust taken, signed in. */
  private signInLinked(
    provider: SsoProviderConfig,
    identity: SsoIdentity,
    user: UserRow,
    link: { linkedId: string | undefined; matchedBy: 'SNILS' | 'PHONE' | undefined },
    meta: RequestMeta,
  ): Promise<AuthPayloadView> {
    const { accounts, clock } = this.deps;
    return accounts.signIn(user, meta, {
      method: 'SSO',
      notify: true,
      details: { provider: provider.id },
      inTransaction: async (tx) => {
        const now = clock.now();
        if (link.linkedId) {
          await repo.touchSsoIdentity(tx, link.linkedId, now);
        } else {
          await repo.linkSsoIdentity(tx, { userId: user.id, providerId: provider.id, issuer: identity.issuer, subject: identity.subject, now });
          await accounts.journalEntry(tx, user.id, 'SSO_LINKED', meta, { provider: provider.id, matchedBy: link.matchedBy });
        }
        return this.raiseTrust(tx, await this.takeVouchedSnils(tx, user, identity, provider, meta), identity, provider, meta);
      },
    });
  }

  /** No account yet: one is created from the claims, linked, and signed in (nobody to tell yet). */
  private signUp(provider: SsoProviderConfig, identity: SsoIdentity, meta: RequestMeta): Promise<AuthPayloadView> {
    const { db, accounts, clock } = this.deps;
    return db.transaction(async (tx) => {
      const created = await accounts.createFromClaims(tx, identity);
      if (created === 'DUPLICATE') throw new ParallelSignUp();
      await repo.linkSsoIdentity(tx, { userId: created.id, providerId: provider.id, issuer: identity.issuer, subject: identity.subject, now: clock.now() });
      await accounts.journalEntry(tx, created.id, 'REGISTERED', meta, { method: 'SSO', provider: provider.id });
      const withSnils = await this.takeVouchedSnils(tx, created, identity, provider, meta);
      const fresh = await this.raiseTrust(tx, withSnils, identity, provider, meta);
      return accounts.startSession(tx, fresh, meta, { notify: false, method: 'SSO', details: { provider: provider.id } });
    });
  }

  /**
   * A first login's account: by a SNILS the provider verified that the account holds verified
   * too, then by a verified phone; never by e-mail, never by a SNILS the citizen merely typed.
   */
  private async match(identity: SsoIdentity): Promise<{ user: UserRow; by: 'SNILS' | 'PHONE' } | undefined> {
    const { accounts } = this.deps;
    if (identity.snils && identity.snilsVerified) {
      const user = await accounts.findVerifiedHolder('SNILS', identity.snils);
      if (user) return { user, by: 'SNILS' };
    }
    if (identity.phone && identity.phoneVerified) {
      const user = await accounts.findByVerifiedPhone(identity.phone);
      if (user) return { user, by: 'PHONE' };
    }
    return undefined;
  }

  /**
   * The SNILS the provider vouches for goes onto the account as verified: an account that typed
   * it unverified loses it to its owner; one that holds it verified keeps it (then it is left out).
   */
  private async takeVouchedSnils(tx: Executor, user: UserRow, identity: SsoIdentity, provider: SsoProviderConfig, meta: RequestMeta): Promise<UserRow> {
    if (!identity.snils || !identity.snilsVerified) return user;
    return this.deps.accounts.takeVerifiedIdentifier(tx, user, 'SNILS', identity.snils, { by: 'SSO', provider: provider.id }, meta);
  }

  private async raiseTrust(tx: Executor, user: UserRow, identity: SsoIdentity, provider: SsoProviderConfig, meta: RequestMeta): Promise<UserRow> {
    if (!identity.confirmed) return user;
    return this.deps.accounts.confirmIdentity(tx, user, { by: 'SSO', provider: provider.id }, meta);
  }

  private provider(id: string): SsoProviderConfig | undefined {
    return this.deps.config.SSO_PROVIDERS.find((p) => p.id === id);
  }

  /** Discovery once per provider; a failed discovery is retried by the next login. */
  private configuration(provider: SsoProviderConfig): Promise<oidc.Configuration> {
    let pending = this.configurations.get(provider.id);
    if (!pending) {
      pending = this.clientAuth(provider).then((auth) =>
        oidc.discovery(new URL(provider.issuer), provider.clientId, auth ? undefined : { token_endpoint_auth_method: 'none' }, auth ?? oidc.None(), {
          // The ID token's signature is checked against the provider's JWKS even though it comes
          // straight from the token endpoint (openid-client skips that by default, as OIDC allows).
          execute: [oidc.enableNonRepudiationChecks, ...(provider.allowInsecureHttp ? [oidc.allowInsecureRequests] : [])],
          timeout: 10,
        }),
      );
      pending.catch((err: unknown) => {
        this.configurations.delete(provider.id);
        this.deps.log.error({ provider: provider.id, err: err instanceof Error ? err.message : String(err) }, 'sso provider discovery failed');
      });
      this.configurations.set(provider.id, pending);
    }
    return pending.catch(() => {
      throw preconditionFailed('Вход через внешнюю учётную запись сейчас недоступен, попробуйте позже');
    });
  }

  /** How this system authenticates at the provider's token endpoint; undefined for a public client. */
  private async clientAuth(provider: SsoProviderConfig): Promise<oidc.ClientAuth | undefined> {
    if (provider.clientAuth === 'esia_gost_signature') return esiaClientAuth(this.esiaSigner(provider), provider.scopes.join(' '), this.deps.clock);
    if (provider.clientAuth === 'private_key_jwt') {
      // The GOST key registered with ESIA when configured; otherwise the provider's RSA/EC key.
      return (provider.gostPrivateKey ?? provider.gostPrivateKeyFile) ? gostPrivateKeyJwt(this.esiaSigner(provider), this.deps.clock) : webPrivateKeyJwt(provider);
    }
    if (!provider.clientSecret) return undefined;
    return provider.tokenEndpointAuth === 'client_secret_post' ? oidc.ClientSecretPost(provider.clientSecret) : oidc.ClientSecretBasic(provider.clientSecret);
  }

  /** The MFC's GOST key and certificate for ESIA, read once (a bad key or certificate: the provider is unavailable). */
  private esiaSigner(provider: SsoProviderConfig): GostSigner {
    let signer = this.esiaSigners.get(provider.id);
    if (!signer) {
      try {
        signer = loadEsiaSigner(provider);
      } catch (err) {
        this.deps.log.error({ provider: provider.id, err: err instanceof Error ? err.message : String(err) }, 'ESIA client key or certificate unusable');
        throw preconditionFailed('Вход через внешнюю учётную запись сейчас недоступен, попробуйте позже');
      }
      this.esiaSigners.set(provider.id, signer);
    }
    return signer;
  }

  private stateHash(state: string): string {
    return createHmac('sha256', this.deps.hashKey).update(`sso-state:${state}`).digest('hex');
  }
}

/** A first login lost the race to a parallel one with the same claims: the caller looks again. */
class ParallelSignUp extends Error {
  constructor() {
    super('a parallel first login created the account');
  }
}
