// Scheduled publishing: the schedule lives in the database, so it fires
// after a restart; the job lease lets one of several instances run it,
// and the conditional update publishes a page once even if two try.
import { runDueJobs } from '../../src/server/jobs'
import { publishDuePages } from '../../src/server/flows/content/publish-due-pages'
import { buildApp } from '../../src/server/app'
import { describeEachDb } from './helpers/each-db'
import { pageBody, seedPage } from './helpers/seed'
import { createTestApp, type TestApp, type Json } from './helpers/test-app'
import { HOUR, MINUTE } from './helpers/test-clock'
import { poll } from '../helpers/poll'

describeEachDb('scheduled publish', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  test('a page scheduled for later is not live until its time; it fires after a restart', async () => {
    const page = await seedPage(t, 'new-year')
    const at = new Date(t.clock.now().getTime() + 2 * HOUR)
    const res = await t.call('POST', `/api/admin/pages/${page.id}/publish`, {
      cookie: t.adminCookie,
      body: { at: '2025-06-01T12:00:00+08:00' }
    })
    expect(at.toISOString()).toBe('2025-06-01T04:00:00.000Z')
    expect(res.status).toBe(200)
    expect(res.json.page).toEqual(
      expect.objectContaining({ status: 'scheduled', scheduledAt: at.toISOString(), scheduledVersion: 1, publishedVersion: null })
    )
    // Edits after scheduling do not change what goes live (the version was taken at scheduling).
    await t.call('PUT', `/api/admin/pages/${page.id}`, { cookie: t.adminCookie, body: pageBody('new-year', undefined, { title: '改过的草稿' }) })

    expect(await runDueJobs(t.deps)).toEqual({ leader: true, published: [] })
    expect((await t.call('GET', '/api/v1/pages/new-year')).status).toBe(404)

    // The process goes away; time passes; a new process starts with its poller on.
    t.clock.advance(2 * HOUR + MINUTE)
    await t.restart({ jobsIntervalMs: 20 })
    const live = await poll(async () => {
      const r = await t.call('GET', '/api/v1/pages/new-year')
      return r.status === 200 ? r : undefined
    }, { what: 'the page to go live after the restart' })
    expect(live.json.page.title).toBe('页面 new-year')
    const after = await t.call('GET', `/api/admin/pages/${page.id}`, { cookie: t.adminCookie })
    expect(after.json.page).toEqual(
      expect.objectContaining({ status: 'published', publishedVersion: 1, scheduledAt: null, publishedAt: t.clock.now().toISOString() })
    )
    const audit = await t.call('GET', `/api/admin/audit?targetId=${page.id}`, { cookie: t.adminCookie })
    expect(audit.json.items[0]).toEqual(expect.objectContaining({ action: 'page.publish', actorId: null }))
    await t.restart()
  })

  test('a time in the past publishes at once; unpublish cancels a pending schedule', async () => {
    const now = await seedPage(t, 'right-away')
    const past = await t.call('POST', `/api/admin/pages/${now.id}/publish`, {
      cookie: t.adminCookie,
      body: { at: '2020-01-01T00:00:00Z' }
    })
    expect(past.json.page.status).toBe('published')

    const later = await seedPage(t, 'cancelled')
    await t.call('POST', `/api/admin/pages/${later.id}/publish`, {
      cookie: t.adminCookie,
      body: { at: new Date(t.clock.now().getTime() + HOUR).toISOString() }
    })
    const off = await t.call('POST', `/api/admin/pages/${later.id}/unpublish`, { cookie: t.adminCookie, body: {} })
    expect(off.json.page).toEqual(expect.objectContaining({ status: 'draft', scheduledAt: null }))
    t.clock.advance(2 * HOUR)
    expect((await runDueJobs(t.deps)).published).toEqual([])
    expect((await t.call('GET', '/api/v1/pages/cancelled')).status).toBe(404)
  })

  test('two instances on one database: one holds the lease, and a page is published once', async () => {
    const page = await seedPage(t, 'twice')
    await t.call('POST', `/api/admin/pages/${page.id}/publish`, {
      cookie: t.adminCookie,
      body: { at: new Date(t.clock.now().getTime() + MINUTE).toISOString() }
    })
    t.clock.advance(2 * MINUTE)
    const other = await buildApp({ config: t.config, db: t.db.reopen(), clock: t.clock, log: { level: 'silent' } })
    try {
      const [a, b] = await Promise.all([runDueJobs(t.deps), runDueJobs(other.deps)])
      expect([a.leader, b.leader].sort()).toEqual([false, true])
      expect([...a.published, ...b.published]).toEqual([page.id])
      // Even without the lease, a second runner finds nothing left to fire.
      expect(await publishDuePages(other.deps)).toEqual([])
      // The holder renews; the other takes over only once the lease has lapsed.
      const holder = a.leader ? t.deps : other.deps
      const waiter = a.leader ? other.deps : t.deps
      expect((await runDueJobs(holder)).leader).toBe(true)
      expect((await runDueJobs(waiter)).leader).toBe(false)
      t.clock.advance(31_000)
      expect((await runDueJobs(waiter)).leader).toBe(true)
    } finally {
      await other.close()
    }
    const versions = await t.call('GET', `/api/admin/pages/${page.id}/versions`, { cookie: t.adminCookie })
    expect(versions.json.items).toHaveLength(1)
    const audit = await t.call('GET', `/api/admin/audit?targetId=${page.id}`, { cookie: t.adminCookie })
    expect(audit.json.items.filter((e: Json) => e.action === 'page.publish')).toHaveLength(1)
  })

  test('a schedule whose slug went live elsewhere meanwhile is cancelled, not retried forever', async () => {
    const a = await seedPage(t, 'contested')
    await t.call('POST', `/api/admin/pages/${a.id}/publish`, {
      cookie: t.adminCookie,
      body: { at: new Date(t.clock.now().getTime() + HOUR).toISOString() }
    })
    // Page A's draft moves to another slug, and page B takes and publishes 'contested'.
    await t.call('PUT', `/api/admin/pages/${a.id}`, { cookie: t.adminCookie, body: pageBody('contested-old') })
    await seedPage(t, 'contested', { publish: true })
    t.clock.advance(2 * HOUR)
    await runDueJobs(t.deps)
    const after = await t.call('GET', `/api/admin/pages/${a.id}`, { cookie: t.adminCookie })
    expect(after.json.page).toEqual(expect.objectContaining({ status: 'draft', scheduledAt: null }))
    const audit = await t.call('GET', `/api/admin/audit?targetId=${a.id}`, { cookie: t.adminCookie })
    expect(audit.json.items[0]).toEqual(expect.objectContaining({ action: 'page.schedule_failed' }))
  })
})
