/**
 * @module Endpoint health after an attempt, as a pure decision: the first failure after a success
 * starts the clock; after a day of nothing but failures the developer is warned (once) that the
 * endpoint will be disabled; after five days it is disabled and they are told; the first success
 * after a warning tells them it recovered. A success on a healthy endpoint changes nothing.
 */
import type { EndpointsTable } from './tables.ts';
import type { NotificationType } from './types.ts';

export interface HealthPolicy {
  readonly warnAfterMs: number;
  readonly disableAfterMs: number;
}

export type HealthState = Pick<EndpointsTable, 'id' | 'url' | 'status' | 'failing_since' | 'warned_at'>;

export interface HealthChange {
  readonly set: Partial<Pick<EndpointsTable, 'status' | 'disabled_reason' | 'failing_since' | 'warned_at'>>;
  readonly notify?: { readonly type: NotificationType; readonly message: string };
}

export function afterAttempt(
  state: HealthState,
  ok: boolean,
  now: Date,
  policy: HealthPolicy,
): HealthChange | null {
  const at = now.toISOString();
  if (ok) {
    if (state.failing_since === null && state.warned_at === null) return null;
    const set = { failing_since: null, warned_at: null };
    if (state.warned_at === null) return { set };
    return {
      set,
      notify: {
        type: 'webhook_endpoint.recovered',
        message: `Webhook endpoint ${state.id} (${state.url}) accepts deliveries again.`,
      },
    };
  }
  if (state.status !== 'enabled') return null;
  if (state.failing_since === null) return { set: { failing_since: at } };
  const failingMs = now.getTime() - Date.parse(state.failing_since);
  if (failingMs >= policy.disableAfterMs) {
    return {
      set: { status: 'disabled', disabled_reason: 'failing', warned_at: state.warned_at ?? at },
      notify: {
        type: 'webhook_endpoint.disabled',
        message:
          `Webhook endpoint ${state.id} (${state.url}) was disabled: every delivery since ` +
          `${state.failing_since} failed. Fix it, then enable it again with PATCH {"status":"enabled"}.`,
      },
    };
  }
  if (failingMs >= policy.warnAfterMs && state.warned_at === null) {
    const disableAt = new Date(Date.parse(state.failing_since) + policy.disableAfterMs).toISOString();
    return {
      set: { warned_at: at },
      notify: {
        type: 'webhook_endpoint.failing',
        message:
          `Webhook endpoint ${state.id} (${state.url}) has failed every delivery since ${state.failing_since}; ` +
          `it will be disabled at ${disableAt} unless a delivery succeeds before then.`,
      },
    };
  }
  return null;
}
