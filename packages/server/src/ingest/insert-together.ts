import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { insertResponsesFindingAwaitingCases } from '../repos/responses.js';
import type { InsertedResponse, ResponseToInsert } from '../repos/responses.js';

interface Waiting {
  item: ResponseToInsert;
  resolve: (result: InsertedResponse) => void;
  reject: (error: unknown) => void;
}

/** Each transaction's responses asked for since the last insert, with who waits on each. */
const gathering = new WeakMap<Transaction<Database>, Waiting[]>();

/**
 * Inserts a response together with the others the same transaction asks for in the same turn of the event loop: a
 * batch of answers (group commit) checks them all at once, each first loading its survey (cached), then asking here,
 * and one statement inserts them all (insertResponsesFindingAwaitingCases). The insert waits for the end of the
 * turn (setImmediate), by when every answer whose survey was cached has asked; one whose survey had to be read from
 * the database joins the next statement. In the list's order, so of two steps of one response the first inserts it.
 */
export function insertTogether(trx: Transaction<Database>, item: ResponseToInsert): Promise<InsertedResponse> {
  return new Promise((resolve, reject) => {
    let waiting = gathering.get(trx);
    if (waiting === undefined) {
      gathering.set(trx, (waiting = []));
      setImmediate(() => {
        const batch = gathering.get(trx)!;
        gathering.delete(trx);
        insertResponsesFindingAwaitingCases(
          trx,
          batch.map((w) => w.item),
        ).then(
          (results) => batch.forEach((w, i) => w.resolve(results[i]!)),
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        );
      });
    }
    waiting.push({ item, resolve, reject });
  });
}
