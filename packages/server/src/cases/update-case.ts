import { FollowUpStatus } from '@closeloop/sdk/schemas';
import type { CaseActor, CasePatch } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { scheduleEscalation } from '../jobs/escalate-case/escalate-case.js';
import { notifyCase } from '../jobs/notify-case/notify-case.js';
import { appendCaseEvents } from '../repos/case-events.js';
import type { NewCaseEvent } from '../repos/case-events.js';
import { PRIORITY_RANK, caseWithCause, updateCaseRow } from '../repos/cases.js';
import type { CaseChanges } from '../repos/cases.js';
import { findMember } from '../repos/members.js';
import { findTeam } from '../repos/teams.js';
import type { CaseChangeResult } from './case-change-result.js';
import { transitionVerdict } from '@closeloop/sdk/logic';
import { loadCaseForChange, staleVersion } from './load-case-for-change.js';

export interface UpdateCaseInput {
  projectId: string;
  caseId: string;
  /** The fields to change (the contract's CasePatch without its version). */
  patch: Omit<CasePatch, 'version'>;
  /** The version the change was made against: required, a PATCH must say what it saw. */
  version: number;
  actor: CaseActor;
  now: Date;
}

/**
 * Changes a case's status, assignee, team, priority and/or due time in one transaction: loads it locked, refuses a
 * stale version, an illegal transition, an unknown member or team, then writes the row (version + 1) and one
 * timeline event per kind of change, with before and after. Fields sent with their current value change nothing;
 * a patch that changes nothing writes nothing and returns the case as it is.
 */
export function updateCase(conn: Conn, { projectId, caseId, patch, version, actor, now }: UpdateCaseInput): Promise<CaseChangeResult> {
  return withTransaction(conn, async (trx) => {
    const loaded = await loadCaseForChange(trx, projectId, caseId, version);
    if (!('row' in loaded)) return loaded;
    const { row } = loaded;
    const from = FollowUpStatus.parse(row.status);
    const at = now.toISOString();
    const changes: CaseChanges = {};
    const events: NewCaseEvent[] = [];

    if (patch.status !== undefined && patch.status !== from) {
      const verdict = transitionVerdict(from, patch.status, 'status_change');
      if (!verdict.allowed) return { outcome: 'illegal_transition', from, to: patch.status, why: verdict.why };
      // Defensive: a case resolved before resolutions existed (migrated) must be reopened and resolved first.
      if (patch.status === 'closed' && row.resolution === null) return { outcome: 'illegal_transition', from, to: 'closed', why: 'needs_resolution' };
      changes.status = patch.status;
      // A reopened case is unresolved again; the timeline keeps the resolution it had.
      if (verdict.event === 'reopened') Object.assign(changes, { resolution: null, root_cause: null });
      events.push({ type: verdict.event, actor, at, before: { status: from }, after: { status: patch.status } });
    }

    const assigneeId = patch.assigneeId === undefined ? row.assignee_id : patch.assigneeId;
    const teamId = patch.teamId === undefined ? row.team_id : patch.teamId;
    if (assigneeId !== row.assignee_id || teamId !== row.team_id) {
      if (assigneeId !== row.assignee_id && assigneeId !== null && (await findMember(trx, projectId, assigneeId)) === null) {
        return { outcome: 'unknown_member', field: 'assigneeId', id: assigneeId };
      }
      const team = teamId === null ? null : await findTeam(trx, projectId, teamId);
      if (teamId !== null && team === null) return { outcome: 'unknown_team', field: 'teamId', id: teamId };
      Object.assign(changes, { assignee_id: assigneeId, team_id: teamId });
      events.push({
        type: 'assigned',
        actor,
        at,
        before: { assigneeId: row.assignee_id, teamId: row.team_id },
        // Anyone may work a team's case; whether they are in the team is recorded, for routing and stats.
        after: { assigneeId, teamId, ...(team && assigneeId !== null && { assigneeInTeam: team.memberIds.includes(assigneeId) }) },
      });
    }

    if (patch.priority !== undefined && patch.priority !== row.priority) {
      Object.assign(changes, { priority: patch.priority, priority_rank: PRIORITY_RANK[patch.priority] });
      events.push({ type: 'priority_changed', actor, at, before: { priority: row.priority }, after: { priority: patch.priority } });
    }

    const dueAt = patch.dueAt === undefined ? row.due_at : new Date(patch.dueAt).toISOString();
    if (dueAt !== row.due_at) {
      changes.due_at = dueAt;
      events.push({ type: 'due_changed', actor, at, before: { dueAt: row.due_at }, after: { dueAt } });
    }

    if (events.length === 0) return { outcome: 'changed', followUp: await caseWithCause(trx, row) };
    const updated = await updateCaseRow(trx, row, changes, at);
    if (updated === null) return staleVersion(row, version);
    await appendCaseEvents(trx, projectId, caseId, events);
    // Webhooks hear of a new assignee and of a status change (a reopen is one), once per change: the case's new
    // version names the occurrence, so a retried request never queues a second notification.
    const occurrence = updated.version;
    if (events.some((e) => e.type === 'assigned')) await notifyCase(trx, { projectId, caseId, event: 'follow_up.assigned', now, occurrence });
    if (changes.status !== undefined) await notifyCase(trx, { projectId, caseId, event: 'follow_up.status_changed', now, occurrence });
    // The SLA check follows the new due time; the one queued for the old time finds it changed and does nothing.
    if (changes.due_at !== undefined) await scheduleEscalation(trx, { caseId, dueAt: changes.due_at, now });
    return { outcome: 'changed', followUp: await caseWithCause(trx, updated) };
  });
}
