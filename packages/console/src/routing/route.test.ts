import { describe, expect, it } from 'vitest'
import { pathOf, routeOf, type Route } from './route'

describe('routeOf and pathOf', () => {
  it.each<[string, Route]>([
    ['/', { page: 'queue' }],
    ['/queue', { page: 'queue' }],
    ['/applications/app-1', { page: 'application', id: 'app-1' }],
    ['/applications/a%2Fb', { page: 'application', id: 'a/b' }],
    ['/clusters/cluster:syn-1', { page: 'cluster', id: 'cluster:syn-1' }],
    ['/employees', { page: 'employees' }],
    ['/employees/E-1001', { page: 'employee', id: 'E-1001' }],
    ['/employees/E-1/x', { page: 'not-found', path: '/employees/E-1/x' }],
    ['/farms', { page: 'farms' }],
    ['/farms/farm%3AE-1001', { page: 'farm', id: 'farm:E-1001' }],
    ['/farms/farm:E-1/x', { page: 'not-found', path: '/farms/farm:E-1/x' }],
    ['/trends', { page: 'trends' }],
    ['/policy', { page: 'policy' }],
    ['/policy/1', { page: 'not-found', path: '/policy/1' }],
    ['/model', { page: 'model' }],
    ['/users', { page: 'users' }],
    ['/api-keys', { page: 'api-keys' }],
    ['/webhook-subscriptions', { page: 'webhooks' }],
    ['/audit', { page: 'audit' }],
    ['/sharing', { page: 'sharing' }],
    ['/account', { page: 'account' }],
    ['/applications', { page: 'not-found', path: '/applications' }],
    ['/applications/x/y', { page: 'not-found', path: '/applications/x/y' }],
    ['/users/1', { page: 'not-found', path: '/users/1' }],
    ['/nothing', { page: 'not-found', path: '/nothing' }],
  ])('reads %s', (path, route) => {
    expect(routeOf(path)).toEqual(route)
  })

  it.each<Route>([
    { page: 'queue' },
    { page: 'application', id: 'a/b c' },
    { page: 'cluster', id: 'cluster:x' },
    { page: 'employees' },
    { page: 'employee', id: 'E 1/2' },
    { page: 'farms' },
    { page: 'farm', id: 'farm:E 1/2' },
    { page: 'users' },
    { page: 'webhooks' },
    { page: 'audit' },
    { page: 'sharing' },
    { page: 'model' },
    { page: 'policy' },
  ])('round-trips %o', (route) => {
    expect(routeOf(pathOf(route))).toEqual(route)
  })
})

describe('console paths', () => {
  // The server answers these prefixes itself (API, docs, operations, inbound webhooks), never with the console.
  const serverPrefixes = ['/v1', '/docs', '/healthz', '/readyz', '/metrics', '/webhooks']
  it.each<Route>([
    { page: 'queue' },
    { page: 'trends' },
    { page: 'policy' },
    { page: 'users' },
    { page: 'api-keys' },
    { page: 'webhooks' },
    { page: 'audit' },
    { page: 'sharing' },
    { page: 'account' },
    { page: 'application', id: 'a1' },
    { page: 'cluster', id: 'cluster:a1' },
  ])('%o is not under a server prefix, so a reload reaches the console', (route) => {
    const path = pathOf(route)
    expect(serverPrefixes.filter((prefix) => path === prefix || path.startsWith(`${prefix}/`))).toEqual([])
  })
})
