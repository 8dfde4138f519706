import type { MouseEvent, ReactNode } from 'react'
import { pathOf, type Route } from './route'
import { navigate } from './use-route'

/** An anchor to a console page that navigates in place (a modified click still opens a new tab). */
export function Link(props: { readonly to: Route; readonly children: ReactNode; readonly className?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(props.to)
  }
  return (
    <a href={pathOf(props.to)} onClick={onClick} className={props.className}>
      {props.children}
    </a>
  )
}
