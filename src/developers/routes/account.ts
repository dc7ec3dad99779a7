/**
 * @module Developer account routes: register, log in for a 24-hour bearer token, and log out.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../platform/index.ts';
import type { DeveloperService } from '../service.ts';
import { callerOf, requireDeveloper } from './bearer.ts';
import { DeveloperSchema, LoginBody, RegisterBody, SessionSchema, toDeveloperDto } from './schemas.ts';

export const accountRoutes: FastifyPluginAsyncTypebox<{ developers: DeveloperService }> = async (
  app,
  opts,
) => {
  const { developers } = opts;

  app.post(
    '/register',
    {
      schema: {
        tags: ['developers'],
        summary: 'Register a developer account',
        description: 'The email is case-insensitive and unique; the password has 12 to 200 characters.',
        body: RegisterBody,
        response: { 201: DeveloperSchema, ...problems(400, 409) },
      },
    },
    async (request, reply) => {
      const developer = await developers.register(request.body);
      return reply.code(201).send(toDeveloperDto(developer));
    },
  );

  app.post(
    '/login',
    {
      schema: {
        tags: ['developers'],
        summary: 'Log in: get a developer bearer token',
        description:
          'The token is valid for 24 hours; send it as `Authorization: Bearer …` to the app routes. ' +
          'Five failed log-ins lock the email for 15 minutes (429 `LOGIN_LOCKED`), here and in the portal alike.',
        body: LoginBody,
        response: { 200: SessionSchema, ...problems(400, 401, 429) },
      },
    },
    async (request) => {
      const session = await developers.login(request.body.email, request.body.password);
      return {
        token: session.token,
        token_type: 'Bearer' as const,
        expires_at: session.expiresAt,
        developer: toDeveloperDto(session.developer),
      };
    },
  );

  app.post(
    '/logout',
    {
      onRequest: requireDeveloper(developers),
      schema: {
        tags: ['developers'],
        security: [{ developerToken: [] }],
        summary: 'Log out: end the session of the bearer token',
        response: { 204: Type.Null({ description: 'Logged out' }), ...problems(401) },
      },
    },
    async (request, reply) => {
      await developers.logout(callerOf(request).token);
      return reply.code(204).send(null);
    },
  );
};
