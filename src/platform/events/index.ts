/** @module Public door of the platform's events: the outbox, the envelope and the bus. */
export { type EventBus, type EventHandler, InProcessBus, type Subscription } from './bus.ts';
export { type CloudEvent, dataSchemaOf, EVENT_TYPES, type EventType, topicMatches } from './envelope.ts';
export { appendEvents, EVENTS_SCHEMA, type EventTables, eventsMigrations, type NewEvent } from './outbox.ts';
export { DEAD_LETTER_EXCHANGE, EXCHANGE, RabbitBus } from './rabbitmq.ts';
export { OutboxRelay, type RelayOptions, toEnvelope } from './relay.ts';
