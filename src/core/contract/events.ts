/**
 * `POST /api/v1/events`: a batch of the app's analytics events. The batch
 * shape is checked here; each event is checked alone by core
 * (event-schema.ts), so good events are kept and bad ones come back by index.
 */
import { z } from 'zod'
import type { ClientEvent } from '../event-schema'
import { coded } from './common'

export const eventsBatch = coded(
  z
    .object({
      events: z.array(z.unknown()).describe('client events (core/event-schema.ts); each is checked alone, at most 100 and 256 KB a batch')
    })
    .loose(),
  'INVALID_BATCH'
)
export type EventsRequest = { events: ClientEvent[] }

export const eventCode = z.enum(['INVALID_EVENT', 'UNKNOWN_EVENT_TYPE', 'SERVER_ONLY_TYPE', 'PROPS_TOO_LARGE', 'TS_OUT_OF_RANGE', 'SHARE_ID_TAKEN'])

export const eventsResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), code: eventCode, message: z.string() }))
})
export type EventsResponse = z.infer<typeof eventsResponse>
