/** @module Public door of the platform's events: the transactional outbox. */
export { appendEvents, EVENTS_SCHEMA, type EventTables, eventsMigrations, type NewEvent } from './outbox.ts';
