// Server-written order events: validated by core, stored once however often
// the order flow retries, one per partial refund.
import { recordServerEvent, serverEventId } from '../../../src/server/flows/events/record-server-event'
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp } from '../helpers/test-app'

describeEachDb('server events', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  const rows = (orderId: string) =>
    t.deps.db.selectFrom('events').selectAll().where('orderId', '=', orderId).orderBy('ts').orderBy('id').execute()

  test('a retried write is stored once, under the user as shopper', async () => {
    const at = new Date('2025-05-20T10:00:00Z')
    for (let i = 0; i < 3; i++) {
      await recordServerEvent(t.deps.db, { type: 'order_created', userId: 'usr_1', orderId: 'ord_1', totalFen: 12900, at, contentSlug: 'winter', shareId: 'shA' })
    }
    const stored = await rows('ord_1')
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      id: 'order_created_ord_1',
      type: 'order_created',
      userId: 'usr_1',
      shopper: 'usr_1',
      anonId: null,
      totalFen: 12900,
      contentSlug: 'winter',
      shareId: 'shA'
    })
    expect(Number(stored[0]!.ts)).toBe(at.getTime())
  })

  test('each refund of an order is its own event; ids stay within the event id shape', async () => {
    const at = new Date('2025-05-21T10:00:00Z')
    for (const refundId of ['rf_1', 'rf_2', 'rf_1']) {
      await recordServerEvent(t.deps.db, { type: 'order_refunded', userId: 'usr_1', orderId: 'ord_2', totalFen: 100, at, refundId })
    }
    const stored = await rows('ord_2')
    expect(stored.map((r) => [r.id, JSON.parse(r.props ?? '{}').refundId])).toEqual([
      ['order_refunded_ord_2_rf_1', 'rf_1'],
      ['order_refunded_ord_2_rf_2', 'rf_2']
    ])
    const long = serverEventId({ type: 'order_refunded', orderId: `ord_${'x'.repeat(40)}`, refundId: `rf_${'y'.repeat(30)}` })
    expect(long).toMatch(/^srv_[A-Za-z0-9_-]{40}$/)
  })

  test('a malformed event from our own code fails loudly', async () => {
    await expect(
      recordServerEvent(t.deps.db, { type: 'order_paid', userId: 'usr_1', orderId: 'ord_3', totalFen: -5, at: new Date() })
    ).rejects.toThrow(/recordServerEvent/)
    expect(await rows('ord_3')).toEqual([])
  })
})
