/** Every page of the console. Paths carry ids only, never personal data (they end up in history and logs). */
export type Route =
  | { readonly page: 'queue' }
  | { readonly page: 'trends' }
  | { readonly page: 'model' }
  | { readonly page: 'policy' }
  | { readonly page: 'application'; readonly id: string }
  | { readonly page: 'cluster'; readonly id: string }
  | { readonly page: 'employees' }
  | { readonly page: 'employee'; readonly id: string }
  | { readonly page: 'farms' }
  | { readonly page: 'farm'; readonly id: string }
  | { readonly page: 'users' }
  | { readonly page: 'api-keys' }
  | { readonly page: 'webhooks' }
  | { readonly page: 'audit' }
  | { readonly page: 'sharing' }
  | { readonly page: 'account' }
  | { readonly page: 'intelligence' }
  | { readonly page: 'not-found'; readonly path: string }

/** The route a path names; unknown paths are `not-found`, never an error. */
export function routeOf(path: string): Route {
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map((part) => safeDecode(part))
  const [first, second, ...rest] = parts
  if (first === undefined || (first === 'queue' && second === undefined)) return { page: 'queue' }
  if (rest.length > 0) return { page: 'not-found', path }
  if (first === 'applications' && second !== undefined && second !== '') return { page: 'application', id: second }
  if (first === 'clusters' && second !== undefined && second !== '') return { page: 'cluster', id: second }
  if (first === 'employees' && second !== undefined && second !== '') return { page: 'employee', id: second }
  if (first === 'employees' && second === undefined) return { page: 'employees' }
  if (first === 'farms' && second !== undefined && second !== '') return { page: 'farm', id: second }
  if (first === 'farms' && second === undefined) return { page: 'farms' }
  if (second !== undefined) return { page: 'not-found', path }
  switch (first) {
    case 'trends':
    case 'model':
    case 'policy':
    case 'users':
    case 'api-keys':
    case 'audit':
    case 'sharing':
    case 'account':
    case 'intelligence':
      return { page: first }
    // Not `/webhooks`: the server keeps that prefix for itself.
    case 'webhook-subscriptions':
      return { page: 'webhooks' }
    default:
      return { page: 'not-found', path }
  }
}

/** The path of a route: the inverse of {@link routeOf}. */
export function pathOf(route: Route): string {
  switch (route.page) {
    case 'queue':
      return '/'
    case 'application':
      return `/applications/${encodeURIComponent(route.id)}`
    case 'cluster':
      return `/clusters/${encodeURIComponent(route.id)}`
    case 'employees':
      return '/employees'
    case 'employee':
      return `/employees/${encodeURIComponent(route.id)}`
    case 'farms':
      return '/farms'
    case 'farm':
      return `/farms/${encodeURIComponent(route.id)}`
    case 'trends':
    case 'model':
    case 'users':
    case 'api-keys':
    case 'audit':
    case 'sharing':
    case 'account':
    case 'intelligence':
    case 'policy':
      return `/${route.page}`
    case 'webhooks':
      return '/webhook-subscriptions'
    case 'not-found':
      return route.path
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
