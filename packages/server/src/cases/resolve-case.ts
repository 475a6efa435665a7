import { FollowUpStatus } from '@closeloop/sdk/schemas';
import type { CaseActor, CaseResolution, CaseResolutionRecord } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { notifyCase } from '../jobs/notify-case/notify-case.js';
import { appendCaseEvents } from '../repos/case-events.js';
import { caseWithCause, updateCaseRow } from '../repos/cases.js';
import { findProjectSettings } from '../repos/project-settings.js';
import type { CaseChangeResult } from './case-change-result.js';
import { transitionVerdict } from '@closeloop/sdk/logic';
import { loadCaseForChange, staleVersion } from './load-case-for-change.js';

export interface ResolveCaseInput {
  projectId: string;
  caseId: string;
  resolution: Omit<CaseResolution, 'version'>;
  version: number | undefined;
  actor: CaseActor;
  now: Date;
}

/**
 * Resolves a case (from open, in progress or waiting on the customer) with how it ended for the customer, a summary,
 * optionally the root cause (one of the project's, `GET /api/v1/settings`) and a compensation. The resolution is
 * stored on the case, the root cause beside it for the stats, and the `resolved` event carries it all.
 */
export function resolveCase(conn: Conn, { projectId, caseId, resolution, version, actor, now }: ResolveCaseInput): Promise<CaseChangeResult> {
  return withTransaction(conn, async (trx) => {
    const loaded = await loadCaseForChange(trx, projectId, caseId, version);
    if (!('row' in loaded)) return loaded;
    const { row } = loaded;
    const from = FollowUpStatus.parse(row.status);
    const verdict = transitionVerdict(from, 'resolved', 'resolve');
    if (!verdict.allowed) return { outcome: 'illegal_transition', from, to: 'resolved', why: verdict.why };
    if (resolution.rootCause !== undefined) {
      const settings = await findProjectSettings(trx, projectId);
      if (!settings?.rootCauses.some((cause) => cause.id === resolution.rootCause)) return { outcome: 'unknown_root_cause', field: 'rootCause', id: resolution.rootCause };
    }

    const at = now.toISOString();
    const record: CaseResolutionRecord = { ...resolution, resolvedAt: at };
    const updated = await updateCaseRow(trx, row, { status: 'resolved', resolution: JSON.stringify(record), root_cause: resolution.rootCause ?? null }, at);
    if (updated === null) return staleVersion(row, version ?? row.version);
    await appendCaseEvents(trx, projectId, caseId, [{ type: 'resolved', actor, at, before: { status: from }, after: { status: 'resolved', resolution: record } }]);
    await notifyCase(trx, { projectId, caseId, event: 'follow_up.resolved', now, occurrence: updated.version });
    return { outcome: 'changed', followUp: await caseWithCause(trx, updated) };
  });
}
