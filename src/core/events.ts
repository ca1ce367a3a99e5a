// Analytics events: the schema and per-event rules, and the POST /events batch.
export * from './event-schema'
export * from './event-batch'
