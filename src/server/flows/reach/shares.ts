/**
 * Server-issued shares (POST /api/v1/shares): a fresh 10-character
 * [0-9A-Za-z] id owned by the caller in share_owners (the table the
 * `share` event's SHARE_ID_TAKEN rule reads), with what it points at, and
 * its scene `s=<id>` for a mini-program code. Only the owner may have the
 * code (GET /api/v1/shares/:id/code.png).
 */
import { randomInt } from 'node:crypto'
import type { ShareRequest, ShareResponse } from '@core/contract/reach'
import type { ErrorCode } from '@core/error-codes'
import { err, ok, type Result } from '@core/result'
import { findShares } from '../../db/repos/event-repo'
import { usersOfAnonIds } from '../../db/repos/identity-repo'
import { findShareOwners, issueShareId, type ShareOwnerRow } from '../../db/repos/share-owner-repo'
import type { Deps } from '../../deps'
import { codePng } from './code-images'
import { pageOf, type Target } from './targets'

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
export const SHARE_ID_LENGTH = 10
export const SHARE_SCENE_PREFIX = 's='

export function newShareId(): string {
  let id = ''
  for (let i = 0; i < SHARE_ID_LENGTH; i++) id += ALPHABET[randomInt(ALPHABET.length)]
  return id
}

export const shareScene = (shareId: string) => `${SHARE_SCENE_PREFIX}${shareId}`

export async function issueShare(deps: Deps, userId: string, body: ShareRequest): Promise<Result<ShareResponse, ErrorCode>> {
  const claimedAt = deps.clock.now().toISOString()
  // 62^10 ids: a clash is next to impossible, but a taken id is simply drawn again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const shareId = newShareId()
    const issued = await issueShareId(deps.db, {
      shareId,
      anonId: null,
      shopper: userId,
      claimedAt,
      contentSlug: body.contentSlug ?? null,
      productId: body.productId ?? null,
      channel: body.channel,
      parentShareId: body.parentShareId ?? null
    })
    if (issued) return ok({ share: { id: shareId, scene: shareScene(shareId) } })
  }
  return err('INTERNAL', 'no free share id after 5 draws')
}

/** Whether `userId` owns the share: it was issued to them, or announced by them or a device now bound to them. */
async function ownedBy(deps: Deps, owner: ShareOwnerRow, userId: string): Promise<boolean> {
  if (owner.shopper === userId) return true
  if (!owner.anonId) return false
  return (await usersOfAnonIds(deps.db, [owner.anonId])).get(owner.anonId) === userId
}

/** What a share points at: the issued row's target, else its first `share` event's. */
async function targetOf(deps: Deps, owner: ShareOwnerRow): Promise<Target> {
  if (owner.contentSlug || owner.productId) return { contentSlug: owner.contentSlug, productId: owner.productId }
  const [event] = await findShares(deps.db, [owner.shareId])
  return { contentSlug: event?.contentSlug ?? null, productId: event?.productId ?? null }
}

export async function shareCode(deps: Deps, userId: string, shareId: string): Promise<Result<Buffer, ErrorCode>> {
  const owner = (await findShareOwners(deps.db, [shareId])).get(shareId)
  if (!owner) return err('SHARE_NOT_FOUND', `No share ${shareId}`)
  if (!(await ownedBy(deps, owner, userId))) return err('SHARE_NOT_OWNED', 'only the shopper who shared this may have its code')
  return codePng(deps, shareScene(shareId), pageOf(await targetOf(deps, owner)))
}

/** The target of a known share (issued or announced), for scene resolution; undefined when nobody owns the id. */
export async function shareTarget(deps: Deps, shareId: string): Promise<Target | undefined> {
  const owner = (await findShareOwners(deps.db, [shareId])).get(shareId)
  return owner ? targetOf(deps, owner) : undefined
}
