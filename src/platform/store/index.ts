/** @module Public door of the shared store. */
import type { Redis } from 'ioredis';
import { MemoryStore } from './memory.ts';
import { RedisStore } from './redis.ts';
import type { SharedStore } from './types.ts';

export { DecodedValues } from './decoded.ts';
export { MemoryStore } from './memory.ts';
export { RedisStore } from './redis.ts';
export type { Bucket, BucketState, EntryWrite, SharedStore, TakeResult, Versioned } from './types.ts';

/** Redis when there is a connection, memory otherwise. */
export const openStore = (redis: Redis | undefined): SharedStore =>
  redis ? new RedisStore(redis) : new MemoryStore();
