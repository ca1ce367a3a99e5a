/**
 * Shopper coupons: GET /api/v1/coupons/:id (the coupon block's state, for
 * the signed-in shopper when a token is sent), POST /api/v1/coupons/:id/claim,
 * GET /api/v1/me/coupons.
 */
import { errorResponses, idParams } from '@core/contract/common'
import { shopperCouponResponse, userCouponList, userCouponResponse } from '@core/contract/coupons'
import { must } from '../http/app-error'
import { bearerToken, requireShopper, shopperOf } from '../http/guards'
import { authenticateShopper } from '../flows/shopper/authenticate-shopper'
import { claimCoupon, couponForShopper } from '../flows/coupons/claim-coupon'
import { myCoupons } from '../flows/coupons/my-coupons'
import type { RegisterRoutes } from './route'

const tags = ['shopper: coupons']
const security = [{ shopper: [] }]

export const shopperCouponRoutes: RegisterRoutes = (app, deps) => {
  const preHandler = requireShopper(deps)

  app.get(
    '/api/v1/coupons/:id',
    { schema: { tags, params: idParams, response: { 200: shopperCouponResponse, ...errorResponses } } },
    async (request) => {
      const token = bearerToken(request)
      const shopper = token ? await authenticateShopper(deps, token) : null
      return { coupon: must(await couponForShopper(deps, request.params.id, shopper?.userId ?? null)) }
    }
  )

  app.post(
    '/api/v1/coupons/:id/claim',
    { preHandler, schema: { tags, security, params: idParams, response: { 201: userCouponResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ userCoupon: must(await claimCoupon(deps, shopperOf(request).userId, request.params.id)) })
  )

  app.get('/api/v1/me/coupons', { preHandler, schema: { tags, security, response: { 200: userCouponList, ...errorResponses } } }, async (request) => ({
    items: await myCoupons(deps, shopperOf(request).userId)
  }))
}
