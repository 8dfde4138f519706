import type { FastifyInstance } from 'fastify'

/**
 * Makes JSON bodies in this scope keep their exact bytes in `request.rawBody` beside the parsed body, for signature
 * checks: re-serialising the parsed body would not give back the signed bytes (Greenhouse escapes `<` as `\u003c`).
 * Call it inside a `register`ed plugin so other routes keep the default parser.
 */
export function keepRawJsonBody(scope: FastifyInstance): void {
  const parseJson = scope.getDefaultJsonParser('error', 'error')
  // Only JSON: a body of another type (Fastify also reads text/plain) would arrive without its bytes, so 415.
  scope.removeAllContentTypeParsers()
  scope.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body)
    request.rawBody = bytes
    void parseJson(request, bytes.toString('utf8'), done)
  })
}
