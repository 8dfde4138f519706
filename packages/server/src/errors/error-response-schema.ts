import { z } from 'zod'
import { errorCodes } from './error-codes.js'

/** The OpenAPI schema of every error response; routes list it under their 4xx/5xx responses. */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).describe('One of the documented error codes (docs/errors.md).'),
      message: z.string().describe('A sentence for the developer reading the response.'),
      details: z
        .record(z.string(), z.unknown())
        .describe('Structured facts: `issues[{ path, message, code }]` for validation errors.'),
    }),
  })
  .meta({ id: 'ErrorResponse', description: 'The house error shape.' })
