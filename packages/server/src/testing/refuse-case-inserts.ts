import { sql } from 'kysely';
import type { Db } from '../db/db.js';

/**
 * Makes every insert into `follow_ups` fail inside the database, as a full disk or a broken constraint would, so
 * tests can show that what was written before the case in the same transaction is rolled back with it.
 */
export async function refuseCaseInserts(db: Db): Promise<void> {
  if (db.dialect === 'sqlite') {
    await sql`create trigger refuse_cases before insert on follow_ups begin select raise(abort, 'case refused'); end`.execute(db.kysely);
    return;
  }
  await sql`create function refuse_cases() returns trigger language plpgsql as $$ begin raise exception 'case refused'; end $$`.execute(db.kysely);
  await sql`create trigger refuse_cases before insert on follow_ups for each row execute function refuse_cases()`.execute(db.kysely);
}
