/**
 * @module A developer's apps (OAuth clients), behind the developer bearer token: create, list, read,
 * update, rotate the secret, delete. Another developer's app answers 404 like a missing one.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problems } from '../../platform/index.ts';
import type { DeveloperService } from '../service.ts';
import { callerOf, requireDeveloper } from './bearer.ts';
import { fromCreateBody, fromUpdateBody } from './inputs.ts';
import {
  AppSchema,
  AppWithSecretSchema,
  ClientIdParams,
  CreateAppBody,
  toAppDto,
  toAppWithSecretDto,
  UpdateAppBody,
} from './schemas.ts';

const tags = ['developers'];
const security = [{ developerToken: [] }];

export const appRoutes: FastifyPluginAsyncTypebox<{ developers: DeveloperService }> = async (app, opts) => {
  const { developers } = opts;
  app.addHook('onRequest', requireDeveloper(developers));
  const me = (request: Parameters<typeof callerOf>[0]) => callerOf(request).developer.id;

  app.post(
    '',
    {
      schema: {
        tags,
        security,
        summary: 'Create an app (OAuth client)',
        description:
          'Answers with the `client_id` and the `client_secret`. The secret is shown only here: only its ' +
          'digest is stored. `private_key_jwt` requires `jwks` or `jwks_uri`.',
        body: CreateAppBody,
        response: { 201: AppWithSecretSchema, ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      const created = await developers.createApp(me(request), fromCreateBody(request.body));
      return reply.code(201).send(toAppWithSecretDto(created));
    },
  );

  app.get(
    '',
    {
      schema: {
        tags,
        security,
        summary: 'List your apps',
        response: { 200: Type.Object({ data: Type.Array(AppSchema) }), ...problems(401) },
      },
    },
    async (request) => ({ data: (await developers.listApps(me(request))).map(toAppDto) }),
  );

  app.get(
    '/:client_id',
    {
      schema: {
        tags,
        security,
        summary: 'Get one of your apps',
        params: ClientIdParams,
        response: { 200: AppSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => toAppDto(await developers.getApp(me(request), request.params.client_id)),
  );

  app.patch(
    '/:client_id',
    {
      schema: {
        tags,
        security,
        summary: 'Change an app’s settings',
        params: ClientIdParams,
        body: UpdateAppBody,
        response: { 200: AppSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) =>
      toAppDto(
        await developers.updateApp(me(request), request.params.client_id, fromUpdateBody(request.body)),
      ),
  );

  app.post(
    '/:client_id/rotate-secret',
    {
      schema: {
        tags,
        security,
        summary: 'Replace an app’s client secret',
        description: 'The previous secret stops working at once; the new one is shown only in this answer.',
        params: ClientIdParams,
        response: { 200: AppWithSecretSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) =>
      toAppWithSecretDto(await developers.rotateSecret(me(request), request.params.client_id)),
  );

  app.delete(
    '/:client_id',
    {
      schema: {
        tags,
        security,
        summary: 'Delete an app',
        description: 'Its tokens stop working and its client id is never issued again.',
        params: ClientIdParams,
        response: { 204: Type.Null({ description: 'Deleted' }), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await developers.deleteApp(me(request), request.params.client_id);
      return reply.code(204).send(null);
    },
  );
};
