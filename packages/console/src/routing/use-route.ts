import { useCallback, useEffect, useState } from 'react'
import { pathOf, routeOf, type Route } from './route'

const navigationEvent = 'hirewall:navigate'

/** Goes to `route`, adding a history entry (Back returns to where the analyst was). */
export function navigate(route: Route): void {
  const path = pathOf(route)
  if (path !== window.location.pathname) window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(navigationEvent))
}

/** The current route, following links, Back and Forward. */
export function useRoute(): Route {
  const read = useCallback(() => routeOf(window.location.pathname), [])
  const [route, setRoute] = useState<Route>(read)
  useEffect(() => {
    const update = () => setRoute(read())
    window.addEventListener('popstate', update)
    window.addEventListener(navigationEvent, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(navigationEvent, update)
    }
  }, [read])
  return route
}
