import { FollowUpStatus } from '@closeloop/sdk/schemas';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { findCaseRow } from '../repos/cases.js';
import type { CaseRow } from '../repos/cases.js';
import type { CaseChangeRefusal } from './case-change-result.js';

/**
 * The first step of every change to a case: the project's case, locked for the rest of the transaction, and at
 * the version the change was made against when one is given. A concurrent change to the same case waits on the
 * lock and then meets the version this one wrote: exactly one of two changes made against one version wins.
 */
export async function loadCaseForChange(
  trx: Transaction<Database>,
  projectId: string,
  caseId: string,
  expected: number | undefined,
): Promise<{ row: CaseRow } | CaseChangeRefusal> {
  const row = await findCaseRow(trx, projectId, caseId, { lock: true });
  if (row === null) return { outcome: 'not_found' };
  if (expected !== undefined && expected !== row.version) return staleVersion(row, expected);
  return { row };
}

export function staleVersion(row: CaseRow, expected: number): CaseChangeRefusal {
  return { outcome: 'stale_version', expected, version: row.version, status: FollowUpStatus.parse(row.status) };
}
