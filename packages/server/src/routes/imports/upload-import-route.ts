import { createRepositories, type Store } from '@hirewall/store'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { requirePermission } from '../../auth/require-permission.js'
import { ApiError } from '../../errors/api-error.js'
import { errorResponseSchema } from '../../errors/error-response-schema.js'
import { enqueueImport } from '../../jobs/import/import-queues.js'
import type { JobQueue } from '../../jobs/job-queue.js'
import { actorLabel } from '../audit/actor-label.js'
import { importJobViewSchema, toImportJobView } from './import-views.js'

/** The largest upload accepted unless the routes are given another limit: 100 MiB. */
export const defaultUploadLimitBytes = 100 * 1024 * 1024

/** The content types an upload may have, and the format each is read as. */
export const uploadContentTypes = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/json': 'json',
} as const

type UploadContentType = keyof typeof uploadContentTypes

const checkSubmitPermission = requirePermission('applications.submit')

/**
 * `POST /v1/imports`: the file is the raw request body. It is stored with a new import job and the job is queued in
 * one transaction, then the caller gets 202 and the job: any server process sharing the database reads and screens it.
 */
export async function registerUploadImportRoute(
  app: FastifyInstance,
  options: { readonly store: Store; readonly queue: JobQueue; readonly uploadLimitBytes: number },
): Promise<void> {
  const { store, queue, uploadLimitBytes } = options
  // A scope of its own: the body is kept as bytes (a JSON array is not parsed here) under a limit of its own.
  await app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers()
    // The bytes go to `request.rawBody`, not `request.body`: checks that walk a JSON body value by value must not
    // walk a 100 MiB file byte by byte, and the file is read later, by the workers, not here.
    scope.addContentTypeParser(
      Object.keys(uploadContentTypes),
      { parseAs: 'buffer', bodyLimit: uploadLimitBytes },
      (request: FastifyRequest, body: Buffer, done: (error: null, body?: undefined) => void) => {
        request.rawBody = body
        done(null)
      },
    )
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/v1/imports',
      {
        bodyLimit: uploadLimitBytes,
        // Checked before the body is read: nobody without the permission makes the server read a large file.
        onRequest: (request: FastifyRequest, reply: FastifyReply) => checkSubmitPermission.call(scope, request, reply),
        schema: {
          tags: ['imports'],
          summary: 'Upload a file of applications (CSV, JSONL or a JSON array) to import in the background',
          description:
            'The file is the raw request body, with `Content-Type: text/csv` (docs/csv-columns.md), ' +
            '`application/x-ndjson` (one JSON value per line) or `application/json` (an array, or one value). ' +
            `Up to ${uploadLimitBytes} bytes. Answers 202 with the job; follow it at \`Location\`.`,
          querystring: z.strictObject({
            fileName: z
              .string()
              .trim()
              .min(1)
              .max(255)
              .optional()
              .describe('The file name to show with the job (it is not read for anything else).'),
          }),
          response: {
            202: importJobViewSchema,
            400: errorResponseSchema,
            401: errorResponseSchema,
            403: errorResponseSchema,
            413: errorResponseSchema,
            415: errorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        const body = request.rawBody
        if (body === null || body.length === 0) {
          throw new ApiError('BAD_REQUEST', 'The upload is empty: send the file as the request body.', {})
        }
        const contentType = mediaType(request.headers['content-type'])
        const format = uploadContentTypes[contentType]
        const actor = actorLabel(request)
        const { fileName } = request.query
        const { job, upload } = await store.db.transaction().execute(async (transaction) => {
          const repositories = createRepositories(transaction, store.cipher)
          const created = await repositories.importJobs.create({
            format,
            createdBy: actor,
            ...(fileName === undefined ? {} : { fileName }),
          })
          const stored = await repositories.importUploads.create({ jobId: created.id, contentType, content: body })
          await repositories.audit.append({
            actor,
            action: 'import.created',
            target: `import:${created.id}`,
            details: { format, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
          })
          await enqueueImport(queue, created.id, { transaction })
          return { job: created, upload: stored }
        })
        return reply.code(202).header('location', `/v1/imports/${job.id}`).send(toImportJobView(job, upload))
      },
    )
    done()
  })
}

// The parser only admits the listed types, so what is left after dropping parameters is one of them.
function mediaType(header: string | undefined): UploadContentType {
  const type = (header ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? ''
  if (type in uploadContentTypes) return type as UploadContentType
  throw new ApiError(
    'UNSUPPORTED_MEDIA_TYPE',
    'Upload the file as text/csv, application/x-ndjson or application/json.',
    {
      contentType: header ?? null,
    },
  )
}
