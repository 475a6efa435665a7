import type { FollowUp } from '@closeloop/sdk/schemas';
import { PRIORITY_WORDS, STATUS_WORDS, caseComment, caseHeadline, customerName } from '../../cases/case-words.js';
import { slaBadge } from '../../cases/sla.js';
import { memberName, questionOf, teamName } from '../../cases/use-lookups.js';
import type { Lookups } from '../../cases/use-lookups.js';
import { casePath } from '../../paths.js';
import { Badge } from '../../ui/badge.js';

const PRIORITY_TONES = { urgent: 'danger', high: 'warning', normal: 'neutral', low: 'neutral' } as const;

interface CaseRowProps {
  followUp: FollowUp;
  lookups: Lookups;
  now: number;
  selected: boolean;
  onSelect: () => void;
}

/** One case in the queue: what the customer said first, then priority, status, SLA and who has it. */
export function CaseRow({ followUp, lookups, now, selected, onSelect }: CaseRowProps) {
  const comment = caseComment(followUp);
  const sla = slaBadge(followUp, now);
  return (
    <li class={selected ? 'case-row selected' : 'case-row'}>
      <a href={casePath(followUp.id)} class="case-link" data-case-id={followUp.id} aria-current={selected ? 'true' : undefined} onFocus={onSelect}>
        <span class="case-title">
          <strong>{caseHeadline(followUp, questionOf(lookups))}</strong>
          <span class="case-customer">{customerName(followUp)}</span>
        </span>
        <span class="case-comment">{comment ? `“${comment}”` : 'No comment'}</span>
        <span class="case-meta">
          <Badge tone={PRIORITY_TONES[followUp.priority]}>{PRIORITY_WORDS[followUp.priority]} priority</Badge>
          <Badge tone="neutral">{STATUS_WORDS[followUp.status]}</Badge>
          <Badge tone={sla.tone}>{sla.text}</Badge>
          <span class="case-owner">
            {memberName(lookups, followUp.assigneeId)}
            {followUp.teamId && ` · ${teamName(lookups, followUp.teamId)}`}
          </span>
        </span>
      </a>
    </li>
  );
}
