/**
 * @module The sign-up and log-in pages: labelled fields with autocomplete hints, the form's CSRF
 * token, and the problems of the last attempt announced to screen readers.
 */
import { html } from '../../platform/http/html.ts';
import { errorList, portalPage } from '../layout.ts';

export function signupPage(o: {
  csrf: string;
  errors?: readonly string[];
  name?: string;
  email?: string;
}): string {
  return portalPage(
    'Sign up',
    html`<h1>Create your developer account</h1>
<p>Build on Wekeza: create apps, try the sandbox, and see your traffic. It takes a minute.</p>
${errorList(o.errors ?? [])}
<form method="post" action="/portal/signup">
<input type="hidden" name="csrf" value="${o.csrf}">
<label for="name">Your name</label>
<input type="text" id="name" name="name" autocomplete="name" required maxlength="100" value="${o.name ?? ''}">
<label for="email">Email</label>
<input type="email" id="email" name="email" autocomplete="email" required maxlength="254" value="${o.email ?? ''}">
<label for="password">Password</label>
<p class="hint" id="password-hint">At least 12 characters; a passphrase is best.</p>
<input type="password" id="password" name="password" autocomplete="new-password" required minlength="12" maxlength="200" aria-describedby="password-hint">
<button type="submit" class="primary">Create account</button>
</form>
<p>Already registered? <a href="/portal/login">Log in</a>.</p>`,
    { narrow: true },
  );
}

export function loginPage(o: {
  csrf: string;
  error?: string | undefined;
  email?: string;
  notice?: string;
}): string {
  return portalPage(
    'Log in',
    html`<h1>Log in to the developer portal</h1>
${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ''}
${o.error ? html`<p class="error" role="alert">${o.error}</p>` : ''}
<form method="post" action="/portal/login">
<input type="hidden" name="csrf" value="${o.csrf}">
<label for="email">Email</label>
<input type="email" id="email" name="email" autocomplete="username" required maxlength="254" value="${o.email ?? ''}">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required maxlength="200">
<button type="submit" class="primary">Log in</button>
</form>
<p>New here? <a href="/portal/signup">Create a developer account</a>.</p>`,
    { narrow: true },
  );
}

export function messagePage(
  title: string,
  message: string,
  back: readonly [string, string] = ['/portal/apps', 'Back to your apps'],
): string {
  return portalPage(
    title,
    html`<h1>${title}</h1>
<p>${message}</p>
<p><a href="${back[0]}">${back[1]}</a></p>`,
  );
}
