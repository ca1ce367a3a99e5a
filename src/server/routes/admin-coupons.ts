/**
 * Coupon templates, admins only (editors get 403): GET/POST
 * /api/admin/coupons, PUT /api/admin/coupons/:id.
 */
import { errorResponses, idParams } from '@core/contract/common'
import { couponInput, couponList, couponResponse } from '@core/contract/coupons'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { createCoupon, listCouponDtos, updateCoupon } from '../flows/coupons/admin-coupons'
import type { RegisterRoutes } from './route'

const tags = ['admin: coupons']
const security = [{ staff: [] }]

export const adminCouponRoutes: RegisterRoutes = (app, deps) => {
  const onRequest = requireStaff(deps, 'admin')

  app.get('/api/admin/coupons', { onRequest, schema: { tags, security, response: { 200: couponList, ...errorResponses } } }, async () => ({
    items: await listCouponDtos(deps)
  }))

  app.post(
    '/api/admin/coupons',
    { onRequest, schema: { tags, security, body: couponInput, response: { 201: couponResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ coupon: must(await createCoupon(deps, staffOf(request).id, request.body)) })
  )

  app.put(
    '/api/admin/coupons/:id',
    { onRequest, schema: { tags, security, params: idParams, body: couponInput, response: { 200: couponResponse, ...errorResponses } } },
    async (request) => ({ coupon: must(await updateCoupon(deps, staffOf(request).id, request.params.id, request.body)) })
  )
}
