/**
 * The channel of a share open (docs/architecture.md "Channels"): the scene
 * decides when it says something (1154: Moments' single page → timeline;
 * 1047/1048/1049: a mini-program code → poster), else the open's own
 * channel when it is a share channel, else chat. A campaign open's channel
 * is the campaign's, from the campaigns table, never the client's.
 */
import { SHARE_CHANNELS, type ShareChannel } from '@core/event-schema'

export const TIMELINE_SCENES: readonly number[] = [1154]
export const POSTER_SCENES: readonly number[] = [1047, 1048, 1049]

export function shareOpenChannel(scene: number | string | null | undefined, channel: string | null | undefined): ShareChannel {
  const s = scene === null || scene === undefined ? NaN : Number(scene)
  if (TIMELINE_SCENES.includes(s)) return 'timeline'
  if (POSTER_SCENES.includes(s)) return 'poster'
  if (channel && (SHARE_CHANNELS as readonly string[]).includes(channel)) return channel as ShareChannel
  return 'chat'
}
