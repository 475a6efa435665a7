import type { CaseChangeRefusal } from '../cases/case-change-result.js';
import { TRANSITIONS } from '@closeloop/sdk/logic';
import { HttpError } from './http-error.js';

/**
 * A refused case change as its reply: 404 for a case the project does not have, 409 for a stale version (naming
 * the current version and status) or an illegal transition (naming where the case may go), 422 for an unknown
 * member, team or root cause (naming the field).
 */
export function caseRefusal(refusal: CaseChangeRefusal): HttpError {
  switch (refusal.outcome) {
    case 'not_found':
      return HttpError.field(404, 'case_not_found', 'id', 'the project has no such follow-up case');
    case 'stale_version':
      return HttpError.field(
        409,
        'version_conflict',
        'version',
        `is ${refusal.expected}, but the case is at version ${refusal.version} (status ${refusal.status}): reload it and apply the change again`,
        { headers: { ETag: `"${refusal.version}"` } },
      );
    case 'illegal_transition':
      return HttpError.field(409, 'illegal_transition', 'status', transitionMessage(refusal));
    case 'unknown_member':
      return HttpError.field(422, 'unknown_member', refusal.field, `no member of the project has the id ${refusal.id}`);
    case 'unknown_team':
      return HttpError.field(422, 'unknown_team', refusal.field, `no team of the project has the id ${refusal.id}`);
    case 'unknown_root_cause':
      return HttpError.field(422, 'unknown_root_cause', refusal.field, `"${refusal.id}" is not one of the project's root causes (GET /api/v1/settings)`);
  }
}

function transitionMessage({ from, to, why }: Extract<CaseChangeRefusal, { outcome: 'illegal_transition' }>): string {
  if (why === 'needs_resolve') return `a case is resolved with a resolution: POST /api/v1/follow-ups/:id/resolve (the case is ${from})`;
  if (why === 'needs_resolution') return 'the case has no resolution: reopen it (status open) and resolve it before closing';
  const next = TRANSITIONS[from];
  const hint = to === 'closed' ? '; a case is closed only once resolved' : '';
  return `cannot go from ${from} to ${to}: from ${from} a case goes to ${next.join(', ')}${hint}`;
}
