import PgBoss from 'pg-boss'
import { describe, expect, it } from 'vitest'
import { splitSqlStatements } from './split-sql-statements.js'

describe('splitSqlStatements', () => {
  it.each([
    ['select 1', ['select 1']],
    ['select 1; select 2;', ['select 1', 'select 2']],
    ["select 'a;b'; select 'it''s;'", ["select 'a;b'", "select 'it''s;'"]],
    ['select "odd;name" from t; select 2', ['select "odd;name" from t', 'select 2']],
    ['select 1 -- no; split\n; select 2', ['select 1 -- no; split', 'select 2']],
    ['select /* a; b */ 1; select 2', ['select /* a; b */ 1', 'select 2']],
    [
      'create function f() returns void as $$ begin; end; $$ language plpgsql; select 2',
      ['create function f() returns void as $$ begin; end; $$ language plpgsql', 'select 2'],
    ],
    [
      'do $body$ begin perform 1; end $body$; select $1::int',
      ['do $body$ begin perform 1; end $body$', 'select $1::int'],
    ],
    ['  ;\n ; ', []],
  ])('splits %j', (script, statements) => {
    expect(splitSqlStatements(script)).toEqual(statements)
  })

  it("splits pg-boss's schema script into whole statements, keeping its function bodies", () => {
    const statements = splitSqlStatements(PgBoss.getConstructionPlans('pgboss'))
    expect(statements[0]).toBe('BEGIN')
    expect(statements.at(-1)).toBe('COMMIT')
    const functions = statements.filter((statement) => statement.startsWith('CREATE FUNCTION'))
    expect(functions).toHaveLength(2)
    for (const body of functions) expect(body).toMatch(/\$\$\s+LANGUAGE plpgsql$/)
  })
})
