import { describe, expect, it } from 'vitest'
import { queueCommand, type QueueCommand } from './queue-navigation'

const both = { hasNextPage: true, hasPreviousPage: true }
const neither = { hasNextPage: false, hasPreviousPage: false }

describe('queueCommand', () => {
  it.each<[string, number, number, typeof both, QueueCommand]>([
    ['j', -1, 3, neither, { kind: 'select', index: 0 }],
    ['ArrowDown', 0, 3, neither, { kind: 'select', index: 1 }],
    ['j', 2, 3, both, { kind: 'next-page' }],
    ['j', 2, 3, neither, { kind: 'none' }],
    ['k', 2, 3, neither, { kind: 'select', index: 1 }],
    ['ArrowUp', 0, 3, both, { kind: 'previous-page' }],
    ['k', 0, 3, neither, { kind: 'select', index: 0 }],
    ['k', -1, 3, both, { kind: 'select', index: 0 }],
    ['k', 9, 3, neither, { kind: 'select', index: 2 }],
    ['Home', 2, 3, neither, { kind: 'select', index: 0 }],
    ['End', 0, 3, neither, { kind: 'select', index: 2 }],
    ['Enter', 1, 3, neither, { kind: 'open', index: 1 }],
    ['o', -1, 3, neither, { kind: 'none' }],
    ['Enter', 3, 3, neither, { kind: 'none' }],
    ['n', 0, 3, both, { kind: 'next-page' }],
    ['p', 0, 3, neither, { kind: 'none' }],
    ['/', 0, 3, neither, { kind: 'focus-filters' }],
    ['j', -1, 0, both, { kind: 'none' }],
    ['x', 0, 3, both, { kind: 'none' }],
  ])('%s at %i of %i rows', (key, index, rows, pages, command) => {
    expect(queueCommand(key, { index }, rows, pages)).toEqual(command)
  })
})
