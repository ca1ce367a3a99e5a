/**
 * Campaigns (docs/architecture.md "Campaigns"): a link and a code a brand
 * posts outside WeChat for a page or a product, with its channel. Creating
 * one asks WeChat for a URL Link and an encrypted URL Scheme (30 days
 * each), a Short Link (optional: some accounts are refused one) and warms
 * the mini-program code (scene `c=CODE`); the campaign is stored only when
 * the link and the scheme were made. Links are renewed when they have
 * fewer than RENEW_BEFORE_MS left: on read (GET, the landing page) and by
 * the jobs runner, so a post's `/l/:code` always gets a working link.
 */
import { randomInt } from 'node:crypto'
import type { CampaignDto, CampaignFigures, CampaignInput } from '@core/contract/reach'
import type { CampaignChannel } from '@core/event-schema'
import type { ErrorCode } from '@core/error-codes'
import { err, ok, type Result } from '@core/result'
import { campaignsExpiringBefore, findCampaign, findCampaignByCode, insertCampaign, listCampaigns, updateCampaign, type CampaignRow } from '../../db/repos/reach-repo'
import { slugInUse } from '../../db/repos/page-repo'
import { findProductRow } from '../../db/repos/product-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { recordAudit } from '../audit/record-audit'
import { codePng } from '../reach/code-images'
import { reachWechat } from '../reach/reach-wechat'
import { campaignQuery, pageOf, targetDto } from '../reach/targets'
import { channelRows } from '../analytics/channel-report'

/** Campaign codes are printed: the largest width WeChat draws. */
export const CAMPAIGN_CODE_WIDTH = 1280
/** Renew a URL Link (and the scheme) when fewer than 3 days are left of its 30. */
export const RENEW_BEFORE_MS = 3 * 24 * 3600_000
const CODE_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz'
const CODE_LENGTH = 8

export const campaignScene = (code: string) => `c=${code}`

function newCampaignCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
  return code
}

const base = (deps: Deps) => deps.config.publicBaseUrl.replace(/\/+$/, '')
export const landingUrlOf = (deps: Deps, code: string) => `${base(deps)}/l/${code}`

export function toCampaignDto(deps: Deps, row: CampaignRow, figures?: CampaignFigures): CampaignDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    channel: row.channel as CampaignChannel,
    target: targetDto(row),
    landingUrl: landingUrlOf(deps, row.code),
    urlLink: row.urlLink,
    urlLinkExpiresAt: row.urlLinkExpiresAt,
    scheme: row.scheme,
    ...(row.shortLink ? { shortLink: row.shortLink } : {}),
    qrImageUrl: `${base(deps)}/api/admin/campaigns/${row.id}/code.png`,
    createdAt: row.createdAt,
    ...(figures ? { figures } : {})
  }
}

async function targetExists(deps: Deps, input: CampaignInput): Promise<Result<true, ErrorCode>> {
  if ('contentSlug' in input.target) {
    return (await slugInUse(deps.db, input.target.contentSlug, null)) ? ok(true) : err('PAGE_NOT_FOUND', `No page ${input.target.contentSlug}`)
  }
  return (await findProductRow(deps.db, input.target.productId)) ? ok(true) : err('PRODUCT_NOT_FOUND', `No product ${input.target.productId}`)
}

export async function createCampaign(deps: Deps, staffId: string, input: CampaignInput): Promise<Result<CampaignDto, ErrorCode>> {
  const exists = await targetExists(deps, input)
  if (!exists.ok) return exists
  const target = { contentSlug: 'contentSlug' in input.target ? input.target.contentSlug : null, productId: 'productId' in input.target ? input.target.productId : null }
  let code = newCampaignCode()
  for (let i = 0; i < 5 && (await findCampaignByCode(deps.db, code)); i++) code = newCampaignCode()
  const path = pageOf(target)
  const query = campaignQuery(code, target)
  const wx = reachWechat(deps)
  const link = await wx.urlLink(path, query)
  if (!link.ok) return link
  const scheme = await wx.scheme(path, query)
  if (!scheme.ok) return scheme
  // A Short Link is for WeChat text only and some accounts may not have one: the campaign stands without it.
  const short = await wx.shortLink(path, query, input.name.slice(0, 20))
  const now = deps.clock.now().toISOString()
  const row: CampaignRow = {
    id: newId('cmp'),
    code,
    name: input.name,
    channel: input.channel,
    contentSlug: target.contentSlug,
    productId: target.productId,
    urlLink: link.value.urlLink,
    urlLinkExpiresAt: link.value.expiresAt.toISOString(),
    scheme: scheme.value.scheme,
    schemeExpiresAt: scheme.value.expiresAt.toISOString(),
    shortLink: short.ok ? short.value : null,
    createdBy: staffId,
    createdAt: now,
    updatedAt: now
  }
  await deps.db.transaction().execute(async (trx) => {
    await insertCampaign(trx, row)
    await recordAudit(trx, deps.clock.now(), staffId, 'campaign.create', { type: 'campaign', id: row.id }, {
      code,
      name: row.name,
      channel: row.channel,
      target: targetDto(row),
      shortLink: short.ok ? 'made' : short.error.message
    })
  })
  // Warm the code image; a failure here only means it is made on first download.
  await codePng(deps, campaignScene(code), path, CAMPAIGN_CODE_WIDTH)
  return ok(toCampaignDto(deps, row))
}

/** Makes a new URL Link and scheme for a campaign whose link is due; answers the row as stored after. */
export async function renewCampaignLinks(deps: Deps, row: CampaignRow): Promise<Result<CampaignRow, ErrorCode>> {
  const path = pageOf(row)
  const query = campaignQuery(row.code, row)
  const wx = reachWechat(deps)
  const link = await wx.urlLink(path, query)
  if (!link.ok) return link
  const scheme = await wx.scheme(path, query)
  const patch = {
    urlLink: link.value.urlLink,
    urlLinkExpiresAt: link.value.expiresAt.toISOString(),
    ...(scheme.ok ? { scheme: scheme.value.scheme, schemeExpiresAt: scheme.value.expiresAt.toISOString() } : {}),
    updatedAt: deps.clock.now().toISOString()
  }
  await updateCampaign(deps.db, row.id, patch)
  return ok({ ...row, ...patch })
}

const isDue = (deps: Deps, row: CampaignRow) => Date.parse(row.urlLinkExpiresAt) - deps.clock.now().getTime() < RENEW_BEFORE_MS

/** The row with a link that has more than RENEW_BEFORE_MS left when WeChat allows; the old one when a renewal fails. */
export async function freshCampaign(deps: Deps, row: CampaignRow): Promise<CampaignRow> {
  if (!isDue(deps, row)) return row
  const renewed = await renewCampaignLinks(deps, row)
  return renewed.ok ? renewed.value : row
}

/** A campaign WeChat refused to renew is tried again by the jobs runner after this long (not every tick). */
export const RENEW_RETRY_MS = 10 * 60_000

/** Jobs runner: renews links that are due, a few per tick; answers the codes renewed and those WeChat refused. */
export async function renewDueCampaignLinks(deps: Deps, limit = 20): Promise<{ renewed: string[]; failed: string[] }> {
  const now = deps.clock.now().getTime()
  const due = await campaignsExpiringBefore(deps.db, new Date(now + RENEW_BEFORE_MS).toISOString(), new Date(now - RENEW_RETRY_MS).toISOString(), limit)
  const out = { renewed: [] as string[], failed: [] as string[] }
  for (const row of due) {
    const r = await renewCampaignLinks(deps, row)
    if (r.ok) out.renewed.push(row.code)
    else {
      out.failed.push(row.code)
      await updateCampaign(deps.db, row.id, { updatedAt: deps.clock.now().toISOString() })
    }
  }
  return out
}

/** Each campaign's figures since it was made (the channel report's definitions, over all time up to now). */
async function figuresByCode(deps: Deps, rows: readonly CampaignRow[]): Promise<Map<string, CampaignFigures>> {
  const out = new Map<string, CampaignFigures>()
  if (rows.length === 0) return out
  const fromIso = rows.reduce((min, r) => (r.createdAt < min ? r.createdAt : min), rows[0]!.createdAt)
  const to = new Date(deps.clock.now().getTime() + 1)
  const report = await channelRows(deps.db, { fromIso, toIso: to.toISOString(), fromMs: Date.parse(fromIso), toMs: to.getTime() })
  for (const r of report) {
    if (!r.campaignCode) continue
    const { opens, newUsers, addToCarts, orders, paidOrders, paidFen, refundedFen } = r
    out.set(r.campaignCode, { opens, newUsers, addToCarts, orders, paidOrders, paidFen, refundedFen })
  }
  return out
}

const ZERO: CampaignFigures = { opens: 0, newUsers: 0, addToCarts: 0, orders: 0, paidOrders: 0, paidFen: 0, refundedFen: 0 }

export async function listCampaignDtos(deps: Deps): Promise<CampaignDto[]> {
  const rows = await Promise.all((await listCampaigns(deps.db)).map((r) => freshCampaign(deps, r)))
  const figures = await figuresByCode(deps, rows)
  return rows.map((r) => toCampaignDto(deps, r, figures.get(r.code) ?? ZERO))
}

export async function getCampaign(deps: Deps, id: string): Promise<Result<CampaignDto, ErrorCode>> {
  const found = await findCampaign(deps.db, id)
  if (!found) return err('CAMPAIGN_NOT_FOUND', `No campaign ${id}`)
  const row = await freshCampaign(deps, found)
  return ok(toCampaignDto(deps, row, (await figuresByCode(deps, [row])).get(row.code) ?? ZERO))
}

export async function campaignCodeImage(deps: Deps, id: string): Promise<Result<Buffer, ErrorCode>> {
  const row = await findCampaign(deps.db, id)
  if (!row) return err('CAMPAIGN_NOT_FOUND', `No campaign ${id}`)
  return codePng(deps, campaignScene(row.code), pageOf(row), CAMPAIGN_CODE_WIDTH)
}
