import { useCallback, useEffect, useState } from 'react'
import { ApiFailure } from './api-failure'

/** What a page shows while it reads from the API. */
export type Loadable<Data> =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly failure: ApiFailure }
  | { readonly status: 'loaded'; readonly data: Data }

/**
 * Runs `load` when `key` changes (and on `reload()`), aborting a read that is no longer wanted. The key is what the
 * read depends on, as a string, so a new object with the same content does not read again.
 */
export function useApi<Data>(
  key: string,
  load: (signal: AbortSignal) => Promise<Data>,
): { readonly state: Loadable<Data>; readonly reload: () => void } {
  const [state, setState] = useState<Loadable<Data>>({ status: 'loading' })
  const [generation, setGeneration] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    setState({ status: 'loading' })
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'loaded', data })
      },
      (error: unknown) => {
        if (controller.signal.aborted) return
        setState({ status: 'failed', failure: asFailure(error) })
      },
    )
    return () => controller.abort()
    // `load` is a new function on every render; `key` says when what it reads has changed.
  }, [key, generation])
  const reload = useCallback(() => setGeneration((value) => value + 1), [])
  return { state, reload }
}

/** Any thrown value as an {@link ApiFailure} the page can show. */
export function asFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error
  return new ApiFailure(0, 'CLIENT', error instanceof Error ? error.message : 'Something went wrong.')
}
