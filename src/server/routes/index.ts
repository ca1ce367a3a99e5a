/**
 * Every route module, in registration order. A new issue (commerce,
 * events) adds its modules here; app.ts registers whatever is listed.
 */
import { adminAuditRoutes } from './admin-audit'
import { adminMediaRoutes } from './admin-media'
import { adminPageRoutes } from './admin-pages'
import { adminProductRoutes } from './admin-products'
import { adminSessionRoutes } from './admin-session'
import { adminStaffRoutes } from './admin-staff'
import { healthRoutes } from './health'
import { mediaFileRoutes } from './media-files'
import { shopperAuthRoutes } from './shopper-auth'
import { shopperEventRoutes } from './shopper-events'
import { shopperPageRoutes } from './shopper-pages'
import { shopperProductRoutes } from './shopper-products'
import type { RegisterRoutes } from './route'

export const allRoutes: RegisterRoutes[] = [
  healthRoutes,
  adminSessionRoutes,
  adminStaffRoutes,
  adminAuditRoutes,
  adminProductRoutes,
  adminMediaRoutes,
  mediaFileRoutes,
  adminPageRoutes,
  shopperAuthRoutes,
  shopperProductRoutes,
  shopperPageRoutes,
  shopperEventRoutes
]
