/**
 * The OpenAPI document of the HTTP API, generated from the routes' zod
 * schemas (@core/contract): JSON at /api/docs/json, a browsable UI at
 * /api/docs. Registered before the routes so it sees every one of them.
 */
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'
import { createJsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod'

export const API_DOCS_PREFIX = '/api/docs'

export async function installApiDocs(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Brand storefront API',
        description:
          'Shoppers use /api/v1 (Bearer token from POST /api/v1/auth/login); brand staff use /api/admin (session cookie). ' +
          'Every error answers {"error":{"code","message","details"}}.',
        version: '1'
      },
      components: {
        securitySchemes: {
          shopper: { type: 'http', scheme: 'bearer' },
          staff: { type: 'apiKey', in: 'cookie', name: 'sid' },
          metrics: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN; unset: loopback clients only' }
        }
      }
    },
    transform: createJsonSchemaTransform({ skipList: [] }),
    transformObject: jsonSchemaTransformObject
  })
  await app.register(fastifySwaggerUi, { routePrefix: API_DOCS_PREFIX, uiConfig: { docExpansion: 'list', deepLinking: true } })
}
