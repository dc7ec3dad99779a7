/**
 * @module The developers module interface: developer accounts and sessions for the portal and API,
 * apps for their owners, and client look-up for the authorisation server and the operator CLI.
 */
import { AppError, type Config, type Database } from '../platform/index.ts';
import { registerDeveloper } from './accounts.ts';
import { createApp, deleteApp, getApp, listApps, rotateSecret, updateApp } from './apps.ts';
import { findClient, gatewayView, setAppStatus, setRateLimitTier, verifyClientSecret } from './clients.ts';
import { createDevelopersContext } from './context.ts';
import { authenticate, login, logout } from './sessions.ts';
import type {
  App,
  AppPatch,
  AppStatus,
  AppWithSecret,
  ClientRecord,
  Developer,
  DeveloperSession,
  GatewayApp,
  NewApp,
  NewDeveloper,
} from './types.ts';

export interface DeveloperService {
  /** DEVELOPER_EMAIL_TAKEN when the email (case-insensitive) is registered already. */
  register(input: NewDeveloper): Promise<Developer>;
  /** A 24-hour bearer token; INVALID_CREDENTIALS when the email or password is wrong. */
  login(email: string, password: string): Promise<DeveloperSession>;
  /** The developer of a live token, or null. */
  authenticate(token: string): Promise<Developer | null>;
  logout(token: string): Promise<void>;
  /** The new app with its client secret, which is shown this once. */
  createApp(developerId: string, input: NewApp): Promise<AppWithSecret>;
  listApps(developerId: string): Promise<App[]>;
  /** APP_NOT_FOUND for another developer's app, as for one that does not exist. */
  getApp(developerId: string, clientId: string): Promise<App>;
  updateApp(developerId: string, clientId: string, patch: AppPatch): Promise<App>;
  /** The app with a new client secret; the previous secret stops working at once. */
  rotateSecret(developerId: string, clientId: string): Promise<AppWithSecret>;
  deleteApp(developerId: string, clientId: string): Promise<void>;
  /** For the authorisation server: active and suspended apps, never deleted ones. */
  findClient(clientId: string): Promise<ClientRecord | undefined>;
  /** Constant-time check of a client secret against the stored digest (status not considered). */
  verifyClientSecret(clientId: string, secret: string): Promise<boolean>;
  /** Operator: suspend or reinstate an app. */
  setAppStatus(clientId: string, status: AppStatus): Promise<App>;
  /** Operator: the app's rate-limit tier (the caller checks that the tier is configured). */
  setRateLimitTier(clientId: string, tier: string): Promise<App>;
  /** For the API gateway: status (deleted included), revision, rate-limit tier and IP allow-list. */
  gatewayView(clientId: string): Promise<GatewayApp | undefined>;
}

export interface DeveloperServiceOptions {
  /** The clock (tests). */
  readonly now?: () => Date;
  /** Called after every committed change to an app (settings, secret, status, tier, deletion). */
  readonly onAppChanged?: (clientId: string) => Promise<void>;
  /**
   * The login lockout (identity's, shared with the customers' login pages): every login, through
   * the API or the portal, takes an attempt for the email first; a locked email is LOGIN_LOCKED.
   */
  readonly lockout?: {
    takeAttempt(name: string): Promise<boolean>;
    clearFailures(name: string): Promise<void>;
  };
}

const lockKey = (email: string) => `developer:${email.trim().toLowerCase()}`;

export function createDeveloperService(
  database: Database,
  config: Pick<Config, 'sandbox'>,
  options: DeveloperServiceOptions = {},
): DeveloperService {
  const ctx = createDevelopersContext(database, config, options.now);
  const changed = async <T>(clientId: string, result: T): Promise<T> => {
    await options.onAppChanged?.(clientId);
    return result;
  };
  return Object.freeze({
    register: (input) => registerDeveloper(ctx, input),
    login: async (email, password) => {
      const { lockout } = options;
      if (lockout && !(await lockout.takeAttempt(lockKey(email)))) {
        throw new AppError('LOGIN_LOCKED', 'Too many failed attempts: this account is locked for 15 minutes');
      }
      const session = await login(ctx, email, password);
      await lockout?.clearFailures(lockKey(email));
      return session;
    },
    authenticate: (token) => authenticate(ctx, token),
    logout: (token) => logout(ctx, token),
    createApp: (developerId, input) => createApp(ctx, developerId, input),
    listApps: (developerId) => listApps(ctx, developerId),
    getApp: (developerId, clientId) => getApp(ctx, developerId, clientId),
    updateApp: async (developerId, clientId, patch) =>
      changed(clientId, await updateApp(ctx, developerId, clientId, patch)),
    rotateSecret: async (developerId, clientId) =>
      changed(clientId, await rotateSecret(ctx, developerId, clientId)),
    deleteApp: async (developerId, clientId) =>
      changed(clientId, await deleteApp(ctx, developerId, clientId)),
    findClient: (clientId) => findClient(ctx, clientId),
    verifyClientSecret: (clientId, secret) => verifyClientSecret(ctx, clientId, secret),
    setAppStatus: async (clientId, status) => changed(clientId, await setAppStatus(ctx, clientId, status)),
    setRateLimitTier: async (clientId, tier) =>
      changed(clientId, await setRateLimitTier(ctx, clientId, tier)),
    gatewayView: (clientId) => gatewayView(ctx, clientId),
  } satisfies DeveloperService);
}
