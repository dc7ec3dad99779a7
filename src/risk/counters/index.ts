/** @module The risk counters: Redis when there is a connection, this process's memory otherwise. */
import type { Redis } from 'ioredis';
import { MemoryCounters } from './memory.ts';
import { RedisCounters } from './redis.ts';
import type { RiskCounters } from './types.ts';

export type { Observation, Observed, RiskCounters, WindowSpec } from './types.ts';
export { MemoryCounters, RedisCounters };

export const openCounters = (redis: Redis | undefined): RiskCounters =>
  redis ? new RedisCounters(redis) : new MemoryCounters();
