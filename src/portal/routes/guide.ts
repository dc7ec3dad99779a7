/**
 * @module `GET /portal/guide`: the getting-started guide (`docs/getting-started.md`, read once at
 * start) rendered in the portal, with this platform's address in place of `http://localhost:8080`.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { html } from '../../platform/http/html.ts';
import type { PortalContext } from '../context.ts';
import { portalPage } from '../layout.ts';
import { renderMarkdown } from '../markdown.ts';

export const GUIDE_PATH = new URL('../../../docs/getting-started.md', import.meta.url);
const DEFAULT_URL = 'http://localhost:8080';

export function guideRoutes(app: FastifyInstance, ctx: PortalContext): void {
  let markdown: string;
  try {
    markdown = readFileSync(GUIDE_PATH, 'utf8').replaceAll(DEFAULT_URL, ctx.opts.config.publicUrl);
  } catch {
    // An installation without the repository's docs/ folder still serves the portal.
    markdown = "# Getting started\n\nThe guide is `docs/getting-started.md` in the platform's repository.";
  }
  const body = renderMarkdown(markdown);
  app.get('/portal/guide', async (request, reply) => {
    const session = await ctx.session(request);
    const chrome = session ? { signedIn: { name: session.developer.name, csrf: session.csrf } } : {};
    return ctx.send(reply, 200, portalPage('Getting started', html`${body}`, chrome));
  });
}
