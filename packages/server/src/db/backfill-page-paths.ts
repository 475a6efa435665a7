import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Migration 0014's data step: each stored response's page path, read from `context.url` as 0014 found it (frozen with
 * the migration), in JavaScript because the two dialects share no JSON or URL function.
 */
export async function backfillPagePaths(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ id: string; context: string }>`select id, context from responses`.execute(db);
  for (const { id, context } of rows.rows) {
    const path = pagePathOf((JSON.parse(context) as { url?: unknown }).url);
    if (path !== null) await sql`update responses set page_path = ${path} where id = ${id}`.execute(db);
  }
}

/** The path of a page URL (`https://shop.example/checkout?x=1` → `/checkout`), or null when it is not one. */
export function pagePathOf(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}
