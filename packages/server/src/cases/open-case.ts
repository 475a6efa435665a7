import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { insertCase } from '../repos/cases.js';
import type { NewCase } from '../repos/cases.js';

/**
 * Opens a case inside the caller's transaction, so the case commits with what caused it or not at all (the type
 * asks for a transaction to make that hard to get wrong). A cause that already has a case keeps it: the existing
 * id is returned. The case's timeline event and its notification jobs join this transaction as they arrive.
 */
export function openCase(trx: Transaction<Database>, input: NewCase): Promise<string> {
  return insertCase(trx, input);
}
