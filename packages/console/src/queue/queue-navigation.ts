/** Where the keyboard selection is in the queue's current page; -1 when nothing is selected yet. */
export type Selection = { readonly index: number }

/** What a key press in the queue asks for. */
export type QueueCommand =
  | { readonly kind: 'select'; readonly index: number }
  | { readonly kind: 'open'; readonly index: number }
  | { readonly kind: 'next-page' }
  | { readonly kind: 'previous-page' }
  | { readonly kind: 'focus-filters' }
  | { readonly kind: 'none' }

/** The keys the queue answers, for its help line. */
export const queueKeys = [
  ['j / ↓', 'next application'],
  ['k / ↑', 'previous application'],
  ['Enter / o', 'open it'],
  ['n / p', 'next / previous page'],
  ['/', 'filters'],
] as const

/**
 * The command for `key` with `selection` on a page of `rowCount` rows. Moving past the last row asks for the next
 * page, moving above the first asks for the previous one (when `hasNextPage` / `hasPreviousPage`).
 */
export function queueCommand(
  key: string,
  selection: Selection,
  rowCount: number,
  pages: { readonly hasNextPage: boolean; readonly hasPreviousPage: boolean },
): QueueCommand {
  switch (key) {
    case 'j':
    case 'ArrowDown':
      if (rowCount === 0) return { kind: 'none' }
      if (selection.index >= rowCount - 1) return pages.hasNextPage ? { kind: 'next-page' } : { kind: 'none' }
      return { kind: 'select', index: selection.index + 1 }
    case 'k':
    case 'ArrowUp':
      if (rowCount === 0) return { kind: 'none' }
      if (selection.index <= 0) {
        return selection.index === 0 && pages.hasPreviousPage ? { kind: 'previous-page' } : { kind: 'select', index: 0 }
      }
      return { kind: 'select', index: Math.min(selection.index - 1, rowCount - 1) }
    case 'Home':
      return rowCount === 0 ? { kind: 'none' } : { kind: 'select', index: 0 }
    case 'End':
      return rowCount === 0 ? { kind: 'none' } : { kind: 'select', index: rowCount - 1 }
    case 'Enter':
    case 'o':
      return selection.index >= 0 && selection.index < rowCount
        ? { kind: 'open', index: selection.index }
        : { kind: 'none' }
    case 'n':
      return pages.hasNextPage ? { kind: 'next-page' } : { kind: 'none' }
    case 'p':
      return pages.hasPreviousPage ? { kind: 'previous-page' } : { kind: 'none' }
    case '/':
      return { kind: 'focus-filters' }
    default:
      return { kind: 'none' }
  }
}
