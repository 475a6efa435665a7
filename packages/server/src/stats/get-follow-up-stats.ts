import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FollowUpStats } from '@closeloop/sdk/schemas';
import type { Conn } from '../db/db.js';
import { listStatsCases, listStatsDetractors, listStatsPeople } from '../repos/follow-up-stats.js';
import type { StatsCase, StatsDetractor, StatsWindow } from '../repos/follow-up-stats.js';
import { findProjectSettings } from '../repos/project-settings.js';
import { followUpFigures } from './follow-up-figures.js';
import { rootCausePeriods } from './root-cause-periods.js';

/**
 * The follow-up stats of the cases opened and the detractor answers received in the window: overall, per team (every
 * team of the project) and per member (every live member, and a deleted one who still has cases in the window), by
 * the case's team and assignee as they are now, and the root causes period by period. Three indexed reads; the figures
 * are computed over their rows.
 */
export async function getFollowUpStats(conn: Conn, projectId: string, window: StatsWindow, now: Date): Promise<FollowUpStats> {
  const cases = await listStatsCases(conn, projectId, window);
  const detractors = await listStatsDetractors(conn, projectId, window);
  const people = await listStatsPeople(conn, projectId);
  const settings = await findProjectSettings(conn, projectId);
  const labels = new Map((settings?.rootCauses ?? []).map((cause) => [cause.id, cause.label]));
  const at = now.getTime();
  const overall = followUpFigures(cases, detractors, at, labels);
  const rootCausesOverTime = rootCausePeriods(cases, window, labels);
  // Over a busy month each of these tallies takes tens of milliseconds of the event loop (profiled under load, see
  // docs/reliability.md): answers that arrive meanwhile are taken between them rather than after all of them.
  await nextTurn();
  const byTeam = { cases: groupBy(cases, (row) => row.teamId), detractors: groupBy(detractors, (row) => row.teamId) };
  const teams = people.teams.map((team) => ({ teamId: team.id, name: team.name, ...figuresOf(byTeam, team.id) }));
  await nextTurn();
  const byMember = { cases: groupBy(cases, (row) => row.assigneeId), detractors: groupBy(detractors, (row) => row.assigneeId) };
  const members = people.members
    .filter((member) => !member.deleted || byMember.cases.has(member.id))
    .map((member) => ({ memberId: member.id, name: member.name, ...figuresOf(byMember, member.id) }));
  return { from: window.from, to: window.to, overall, teams, members, rootCausesOverTime };

  function figuresOf(groups: { cases: Map<string, StatsCase[]>; detractors: Map<string, StatsDetractor[]> }, id: string) {
    return followUpFigures(groups.cases.get(id) ?? [], groups.detractors.get(id) ?? [], at, labels);
  }
}

/** Rows by a key (a team or an assignee), in one pass; rows without one are left out. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = key(row);
    if (id === null) continue;
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}
