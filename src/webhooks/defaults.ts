/**
 * @module The webhook defaults in one documented place: the retry schedule (Svix's), timeouts, limits,
 * the endpoint-health policy and retention. Tests shorten the schedule through `WebhookTuning`.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Delay before each attempt of a message, from the previous one: the first at once, then 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h and 10 h (eight attempts over about 28 hours), each ±20 % jitter.
 */
export const RETRY_SCHEDULE_MS: readonly number[] = Object.freeze([
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
]);
/** ±20 %: a retry is spread over 0.8–1.2 times its scheduled delay. */
export const RETRY_JITTER = 0.2;
/** A receiver's `Retry-After` is honoured up to this long. */
export const MAX_RETRY_AFTER_MS = DAY;

/** The whole request (connect, headers and the read of the response) must finish in this time. */
export const REQUEST_TIMEOUT_MS = 15 * SECOND;
/** Only this much of a response body is read and kept (the delivery log's `response_snippet`). */
export const RESPONSE_SNIPPET_BYTES = 4096;
/**
 * A claimed message is the claimer's for this long; if its process dies mid-attempt, another takes it
 * over afterwards (longer than any attempt may take).
 */
export const CLAIM_LEASE_MS = 4 * REQUEST_TIMEOUT_MS;
/** How often an idle dispatcher looks for due messages (new ones wake it at once in its process). */
export const POLL_INTERVAL_MS = SECOND;

/** An endpoint whose deliveries have all failed for this long is disabled… */
export const DISABLE_AFTER_MS = 5 * DAY;
/** …and its developer is told once it has been failing for this long (four days ahead). */
export const WARN_AFTER_MS = DAY;

/** Endpoints an app may have. */
export const MAX_ENDPOINTS_PER_APP = 20;
/** Rotated-out secrets keep signing this long by default (`overlap_seconds` overrides it). */
export const ROTATION_OVERLAP_MS = DAY;
export const MAX_ROTATION_OVERLAP_MS = 7 * DAY;

/** Finished messages, their attempts and the feed's routed entries are kept at least this long. */
export const RETENTION_MS = 30 * DAY;
export const PRUNE_INTERVAL_MS = HOUR;
