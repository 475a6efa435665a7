import type { NpsFigures, ScoreGroup } from '@closeloop/sdk/schemas';
import { consolePath } from '../../paths.js';
import { GROUP_WORDS, npsText, percent } from './result-words.js';

const GROUPS: { group: ScoreGroup; count: keyof NpsFigures }[] = [
  { group: 'detractor', count: 'detractors' },
  { group: 'passive', count: 'passives' },
  { group: 'promoter', count: 'promoters' },
];

/** The window's NPS in one figure, its answers, and the split into groups: each group a link to its responses. */
export function NpsSummary({ totals, responsesSearch }: { totals: NpsFigures; responsesSearch: (group: ScoreGroup) => string }) {
  const share = (n: number) => (totals.count === 0 ? null : n / totals.count);
  return (
    <div class="nps-summary">
      <div class="nps-figure">
        <span class="nps-value" data-testid="nps-value">
          {npsText(totals.nps)}
        </span>
        <span class="muted">
          NPS · {totals.count} {totals.count === 1 ? 'answer' : 'answers'}
        </span>
      </div>
      {totals.count > 0 && (
        <div class="split-bar" aria-hidden="true">
          {GROUPS.map(({ group, count }) => (
            <span key={group} class={`split-${group}`} style={{ flexGrow: totals[count] as number }} />
          ))}
        </div>
      )}
      <ul class="group-links" aria-label="Answers by group">
        {GROUPS.map(({ group, count }) => (
          <li key={group}>
            <a class={`group-link group-${group}`} href={consolePath('/results/responses') + responsesSearch(group)}>
              <span class="group-name">{GROUP_WORDS[group].many}</span>
              <span class="group-count">{totals[count]}</span>
              <span class="muted">{percent(share(totals[count] as number))}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
