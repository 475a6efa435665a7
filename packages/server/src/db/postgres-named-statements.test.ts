import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { keepPrepared, useNamedStatements } from './postgres-named-statements.js';

const pgUrl = process.env['CLOSELOOP_TEST_DATABASE_URL'];

describe.runIf(pgUrl)('named statements on PostgreSQL', () => {
  it('are planned again once their table has grown, not left with the plan made while it was empty', async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    const schema = `closeloop_replan_${process.pid}_${Date.now()}`;
    try {
      await client.query(`create schema ${schema}`);
      await client.query(`set search_path = ${schema}`);
      // Wide rows, as a case's: planned for the ten pages PostgreSQL assumes of a table it has not analyzed, a lookup
      // by primary key is cheaper as a sequential scan of those few rows.
      const columns = Array.from({ length: 20 }, (_, i) => `c${i} text`).join(', ');
      await client.query(`create table cases (id text primary key, ${columns})`);
      const text = 'select id from cases where id = any($1::text[])';
      keepPrepared(text);
      useNamedStatements(client as pg.PoolClient);
      // A new database: the first runs find the table empty, and PostgreSQL settles on a plan for that size.
      for (let i = 0; i < 7; i++) await client.query(text, [['a', 'b']]);
      // Then it fills, faster than autovacuum's first ANALYZE (which would have PostgreSQL plan again by itself).
      await client.query(`insert into cases (id, c0) select 'case-' || n, repeat('x', 200) from generate_series(1, 20000) as n`);
      for (let i = 0; i < 5; i++) await client.query(text, [['case-1', 'case-2']]);

      const { rows: prepared } = await client.query<{ name: string }>('select name from pg_prepared_statements where statement = $1 order by prepare_time desc limit 1', [text]);
      const { rows: plan } = await client.query<{ 'QUERY PLAN': string }>(`explain execute ${prepared[0]!.name}('{case-1,case-2}')`);
      const planText = plan.map((row) => row['QUERY PLAN']).join('\n');
      expect(planText).toMatch(/Index/);
      expect(planText).not.toMatch(/Seq Scan/);
    } finally {
      await client.query(`drop schema if exists ${schema} cascade`).catch(() => {});
      await client.end();
    }
  }, 60_000);
});
