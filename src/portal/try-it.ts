/**
 * @module The sandbox "try it" walkthrough as shell commands filled in with the app's own ids:
 * an app token (client credentials), a consent, the customer's approval (PKCE; in a browser, or
 * `POST /sandbox/authorize`), the code exchange and a first API call. The commands use curl, jq and
 * openssl, and each step's variables feed the next. The tests run them as they are shown.
 */

export interface TryItInput {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** The consent scopes to ask for (API scopes the app has). */
  readonly scopes: readonly string[];
  readonly username: string;
  readonly accountId: string;
  /** When the consent ends (RFC 3339). */
  readonly expiresAt: string;
}

export interface Step {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly code: string;
}

/** The placeholder the developer replaces with their client secret. */
export const SECRET_PLACEHOLDER = "'wks_…'";

export function tryItSteps(i: TryItInput): Step[] {
  const scope = i.scopes.join(' ');
  const consentBody = JSON.stringify({ scopes: i.scopes, expires_at: i.expiresAt });
  return [
    {
      id: 'setup',
      title: 'Set up your shell',
      text: 'Paste the client secret you saved when you created the app (or rotate it to get a new one).',
      code: `export WEKEZA=${i.baseUrl}
export CLIENT_ID=${i.clientId}
export CLIENT_SECRET=${SECRET_PLACEHOLDER}`,
    },
    {
      id: 'app-token',
      title: 'Get an app token',
      text: 'The client-credentials grant gives your app a token of its own, to create consents with.',
      code: `APP_TOKEN=$(curl -s "$WEKEZA/oauth2/token" -u "$CLIENT_ID:$CLIENT_SECRET" \\
  -d grant_type=client_credentials -d scope='${scope}' | jq -r .access_token)
echo "$APP_TOKEN" | cut -c1-20`,
    },
    {
      id: 'consent',
      title: 'Create a consent',
      text: 'What you ask the customer to agree to: which data, until when.',
      code: `CONSENT_ID=$(curl -s "$WEKEZA/v1/consents" -H "authorization: Bearer $APP_TOKEN" \\
  -H 'content-type: application/json' -d '${consentBody}' | jq -r .id)
echo "$CONSENT_ID"`,
    },
    {
      id: 'authorize',
      title: 'Let the customer approve it',
      text:
        `A PKCE verifier stays with you; its challenge goes with the request. In the sandbox, ` +
        `POST /sandbox/authorize logs in as ${i.username}, shares one account and approves — the same ` +
        'pages a customer uses in the browser, without one.',
      code: `VERIFIER=$(openssl rand -hex 32)
CHALLENGE=$(printf '%s' "$VERIFIER" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')
CODE=$(curl -s "$WEKEZA/sandbox/authorize" -H 'content-type: application/json' -d "{
  \\"client_id\\": \\"$CLIENT_ID\\", \\"redirect_uri\\": \\"${i.redirectUri}\\", \\"scope\\": \\"openid ${scope}\\",
  \\"state\\": \\"try-it\\", \\"code_challenge\\": \\"$CHALLENGE\\", \\"consent_id\\": \\"$CONSENT_ID\\",
  \\"username\\": \\"${i.username}\\", \\"account_ids\\": [\\"${i.accountId}\\"]}" | jq -r .code)
echo "$CODE" | cut -c1-12`,
    },
    {
      id: 'token',
      title: 'Exchange the code for the customer’s token',
      text: 'The code lives 60 seconds; the verifier proves you started the flow.',
      code: `CUSTOMER_TOKEN=$(curl -s "$WEKEZA/oauth2/token" -u "$CLIENT_ID:$CLIENT_SECRET" \\
  -d grant_type=authorization_code -d code="$CODE" -d redirect_uri='${i.redirectUri}' \\
  -d code_verifier="$VERIFIER" | jq -r .access_token)
echo "$CUSTOMER_TOKEN" | cut -c1-20`,
    },
    {
      id: 'call',
      title: 'Make your first API call',
      text: 'The accounts the customer shared, and one account’s balance.',
      code: `curl -s "$WEKEZA/v1/accounts" -H "authorization: Bearer $CUSTOMER_TOKEN" | jq .
curl -s "$WEKEZA/v1/accounts/${i.accountId}/balance" -H "authorization: Bearer $CUSTOMER_TOKEN" | jq .`,
    },
  ];
}

/** The authorization URL a real customer opens in their browser (with your challenge and consent). */
export function authorizationUrl(i: TryItInput): string {
  const url = new URL('/oauth2/authorize', i.baseUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: i.clientId,
    redirect_uri: i.redirectUri,
    scope: `openid ${i.scopes.join(' ')}`,
    state: 'try-it',
    code_challenge_method: 'S256',
  }).toString();
  return `${url.toString()}&code_challenge=$CHALLENGE&consent_id=$CONSENT_ID`;
}
