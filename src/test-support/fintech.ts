/**
 * @module Test fixture: a fintech onboarded the way the README describes — a developer registers and
 * logs in, creates an app, discovers the authorisation server with openid-client, and holds a
 * client-credentials token to create consents with. Real HTTP against a real listening server.
 */
import assert from 'node:assert/strict';
import * as oidc from 'openid-client';

export interface Fintech {
  readonly developerToken: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly config: oidc.Configuration;
  /** A client-credentials access token for the app's consent scopes. */
  readonly appToken: string;
  /** Creates a consent awaiting authorisation; returns its id. */
  createConsent(
    scopes?: readonly string[],
    days?: number,
    extra?: { maxAmount?: { amount: string; currency: string } },
  ): Promise<string>;
}

/** A sandbox customer as `GET /sandbox/customers` lists it. */
export interface SandboxCustomer {
  readonly id: string;
  readonly username: string;
  readonly password: string | null;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly accounts: readonly {
    readonly id: string;
    readonly type: string;
    readonly currency: string;
    readonly nickname: string;
    readonly account_number: string;
    readonly status: string;
  }[];
}

/** The sandbox customers with their credentials and accounts, from the server at `url`. */
export async function sandboxCustomers(url: string): Promise<SandboxCustomer[]> {
  const res = await fetch(`${url}/sandbox/customers`);
  assert.equal(res.status, 200, `${url}/sandbox/customers`);
  return ((await res.json()) as { data: SandboxCustomer[] }).data;
}

export async function postJson(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  assert.ok(res.ok, `${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export async function onboardFintech(
  baseUrl: string,
  options: {
    email: string;
    redirectUri: string;
    scopes: readonly string[];
    consentScopes?: readonly string[];
  },
): Promise<Fintech> {
  const developer = { email: options.email, password: 'correct horse battery' };
  await postJson(`${baseUrl}/developer/register`, { ...developer, name: 'Fintech developer' });
  const developerToken = String((await postJson(`${baseUrl}/developer/login`, developer)).token);
  const app = await postJson(
    `${baseUrl}/developer/apps`,
    { name: 'Budget Buddy', redirect_uris: [options.redirectUri], scopes: options.scopes },
    developerToken,
  );
  const clientId = String(app.client_id);
  const clientSecret = String(app.client_secret);
  const config = await oidc.discovery(
    new URL(baseUrl),
    clientId,
    undefined,
    oidc.ClientSecretBasic(clientSecret),
    {
      execute: [oidc.allowInsecureRequests],
    },
  );
  const consentScopes = options.consentScopes ?? options.scopes.filter((s) => s.includes('.'));
  const appToken = (await oidc.clientCredentialsGrant(config, { scope: consentScopes.join(' ') }))
    .access_token;
  return {
    developerToken,
    clientId,
    clientSecret,
    config,
    appToken,
    async createConsent(scopes = consentScopes, days = 30, extra = {}) {
      const expiresAt = new Date(Date.now() + days * 86400_000).toISOString();
      const consent = await postJson(
        `${baseUrl}/v1/consents`,
        { scopes, expires_at: expiresAt, ...(extra.maxAmount ? { max_amount: extra.maxAmount } : {}) },
        appToken,
      );
      return String(consent.id);
    },
  };
}

/**
 * A customer's consent-bound access token, the quick sandbox way: the app creates a consent,
 * `POST /sandbox/authorize` plays the customer's approval, and openid-client redeems the code.
 */
export async function customerToken(
  baseUrl: string,
  fintech: Fintech,
  options: {
    scopes: readonly string[];
    accountIds: readonly string[];
    username?: string;
    redirectUri: string;
    /** A payment limit on the consent (payments.write). */
    maxAmount?: { amount: string; currency: string };
  },
): Promise<{ token: string; consentId: string; refreshToken: string | undefined }> {
  const consentId = await fintech.createConsent(
    options.scopes,
    30,
    options.maxAmount ? { maxAmount: options.maxAmount } : {},
  );
  const verifier = oidc.randomPKCECodeVerifier();
  const result = await postJson(`${baseUrl}/sandbox/authorize`, {
    client_id: fintech.clientId,
    redirect_uri: options.redirectUri,
    scope: `openid ${options.scopes.join(' ')}`,
    state: 's',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    consent_id: consentId,
    username: options.username ?? 'wanjiku',
    account_ids: options.accountIds,
  });
  const tokens = await oidc.authorizationCodeGrant(fintech.config, new URL(String(result.redirect_url)), {
    pkceCodeVerifier: verifier,
    expectedState: 's',
  });
  return { token: tokens.access_token, consentId, refreshToken: tokens.refresh_token };
}
