/**
 * @module OAuth 2.0 for an app, on openid-client: discovery, the client-credentials grant (an app
 * token, to create consents and manage webhooks), the authorization-code flow with PKCE and the
 * `consent_id` the customer approves, the code exchange and refresh.
 */
import * as oidc from 'openid-client';

export interface AppCredentials {
  /** The platform's address (the issuer), for example `https://api.wekeza.example`. */
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Allow plain http (a local sandbox only). Default: when `baseUrl` is http. */
  readonly allowHttp?: boolean;
}

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string | undefined;
  readonly scope: string | undefined;
  /** Seconds until the access token expires, as the server said. */
  readonly expiresIn: number | undefined;
}

/** What to keep (server-side, per customer session) between the redirect and the callback. */
export interface AuthorizationRequest {
  readonly url: URL;
  readonly codeVerifier: string;
  readonly state: string;
}

const toTokens = (t: oidc.TokenEndpointResponse): Tokens => ({
  accessToken: t.access_token,
  refreshToken: t.refresh_token,
  scope: t.scope,
  expiresIn: t.expires_in,
});

export class WekezaOAuth {
  readonly config: oidc.Configuration;

  private constructor(config: oidc.Configuration) {
    this.config = config;
  }

  /** Discovers the authorisation server (`/.well-known/openid-configuration`) for this app. */
  static async discover(credentials: AppCredentials): Promise<WekezaOAuth> {
    const allowHttp = credentials.allowHttp ?? credentials.baseUrl.startsWith('http:');
    const config = await oidc.discovery(
      new URL(credentials.baseUrl),
      credentials.clientId,
      undefined,
      oidc.ClientSecretBasic(credentials.clientSecret),
      allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    return new WekezaOAuth(config);
  }

  /** An app token for these scopes (client credentials). */
  async clientCredentials(scopes: readonly string[]): Promise<Tokens> {
    return toTokens(await oidc.clientCredentialsGrant(this.config, { scope: scopes.join(' ') }));
  }

  /** Where to send the customer to approve a consent: the URL, and the PKCE verifier and state to keep. */
  async authorizationRequest(o: {
    redirectUri: string;
    scopes: readonly string[];
    consentId: string;
    state?: string;
    /** `consent` to have the customer approve again (needed for a refresh token with `offline_access`). */
    prompt?: 'consent' | 'login';
  }): Promise<AuthorizationRequest> {
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = o.state ?? oidc.randomState();
    const url = oidc.buildAuthorizationUrl(this.config, {
      redirect_uri: o.redirectUri,
      scope: o.scopes.join(' '),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      consent_id: o.consentId,
      ...(o.prompt ? { prompt: o.prompt } : {}),
    });
    return { url, codeVerifier, state };
  }

  /** Exchanges the code in the callback URL (checking state and PKCE) for the customer's tokens. */
  async exchangeCode(
    callbackUrl: string | URL,
    request: Pick<AuthorizationRequest, 'codeVerifier' | 'state'>,
  ): Promise<Tokens> {
    return toTokens(
      await oidc.authorizationCodeGrant(this.config, new URL(callbackUrl), {
        pkceCodeVerifier: request.codeVerifier,
        expectedState: request.state,
      }),
    );
  }

  /** New tokens from a refresh token (scope `offline_access`); fails once the consent has ended. */
  async refresh(refreshToken: string): Promise<Tokens> {
    return toTokens(await oidc.refreshTokenGrant(this.config, refreshToken));
  }
}

/** A PKCE verifier and its S256 challenge, for flows that build the request themselves. */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = oidc.randomPKCECodeVerifier();
  return { verifier, challenge: await oidc.calculatePKCECodeChallenge(verifier) };
}
