import { withTransaction } from '../../db/with-transaction.js';
import { SYSTEM_ACTOR } from '../../cases/system-actor.js';
import { appendCaseEvents } from '../../repos/case-events.js';
import { findCaseForEscalation, setCaseEscalated } from '../../repos/cases.js';
import type { JobDependencies } from '../job-dependencies.js';
import { defineJob } from '../job-definition.js';
import { notifyCase } from '../notify-case/notify-case.js';
import { escalateCaseKind } from './escalate-case.js';

/**
 * A case reaching its due time unresolved escalates, once: `escalatedAt` is set, `escalated` joins the timeline
 * (actor system) and `follow_up.overdue` goes to the webhooks and Slack (who tell the assignee and the team), all in
 * one transaction. A case resolved or closed by then, or given another due time (its own check is scheduled), is
 * left alone; so is one already escalated for this due time (the job ran twice).
 */
export function escalateCaseJob({ db, now }: JobDependencies) {
  return defineJob({
    ...escalateCaseKind,
    async handle({ caseId, dueAt }) {
      await withTransaction(db.kysely, async (trx) => {
        const row = await findCaseForEscalation(trx, caseId);
        if (row === null || row.status === 'resolved' || row.status === 'closed') return;
        if (new Date(row.due_at).getTime() !== new Date(dueAt).getTime()) return;
        if (row.escalated_at !== null && row.escalated_at >= row.due_at) return;
        const at = now();
        await setCaseEscalated(trx, caseId, at.toISOString());
        await appendCaseEvents(trx, row.project_id, caseId, [
          {
            type: 'escalated',
            actor: SYSTEM_ACTOR,
            at: at.toISOString(),
            before: { escalatedAt: row.escalated_at },
            after: { escalatedAt: at.toISOString(), dueAt: row.due_at, assigneeId: row.assignee_id, teamId: row.team_id },
          },
        ]);
        // The occurrence is the due time it escalated for (the job's own key is `case:<id>:overdue:<dueAt>`).
        await notifyCase(trx, { projectId: row.project_id, caseId, event: 'follow_up.overdue', now: at, occurrence: `${row.due_at}:notify` });
      });
    },
  });
}
