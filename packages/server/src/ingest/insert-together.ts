import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { gatherCalls } from '../db/gather-calls.js';
import { insertResponsesFindingAwaitingCases } from '../repos/responses.js';
import type { InsertedResponse, ResponseToInsert } from '../repos/responses.js';

/** Each transaction's gathering of the responses asked for in the current turn. */
const gatherers = new WeakMap<Transaction<Database>, (item: ResponseToInsert) => Promise<InsertedResponse>>();

/**
 * Inserts a response together with the others the same transaction asks for in the same turn of the event loop: a
 * batch of answers (group commit) checks them all at once, each first loading its survey (cached), then asking here,
 * and one statement inserts them all (insertResponsesFindingAwaitingCases). The insert waits for the end of the
 * turn (setImmediate), by when every answer whose survey was cached has asked; one whose survey had to be read from
 * the database joins the next statement. In the list's order, so of two steps of one response the first inserts it.
 */
export function insertTogether(trx: Transaction<Database>, item: ResponseToInsert): Promise<InsertedResponse> {
  let insert = gatherers.get(trx);
  if (insert === undefined) gatherers.set(trx, (insert = gatherCalls(setImmediate, (items) => insertResponsesFindingAwaitingCases(trx, items))));
  return insert(item);
}
