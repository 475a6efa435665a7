import type { FollowUpFigures, FollowUpStats } from '@closeloop/sdk/schemas';
import { EmptyState } from '../../ui/empty-state.js';
import { Table } from '../../ui/table.js';
import type { Column } from '../../ui/table.js';
import { durationText, percent, shortDate } from './result-words.js';

type Named = FollowUpFigures & { name: string; key: string };

const COLUMNS: Column<Named>[] = [
  { label: 'Name', cell: (row) => row.name },
  { label: 'Cases', cell: (row) => row.opened },
  { label: 'Contacted within SLA', cell: (row) => percent(row.contactedWithinSla) },
  { label: 'Time to first contact', cell: (row) => durationText(row.medianFirstContactMs) },
  { label: 'Time to resolution', cell: (row) => durationText(row.medianResolutionMs) },
  { label: 'SLA breaches', cell: (row) => row.slaBreaches },
  { label: 'Recovery rate', cell: (row) => percent(row.recoveryRate) },
  { label: 'Next loop (followed up)', cell: (row) => percent(row.nextLoop.followedUp.rate) },
];

/**
 * How the follow-up work went (`GET /api/v1/stats/follow-ups`): the headline figures, the same per team and per
 * member, and the root causes resolutions named, period by period (the outer loop: what keeps making detractors).
 */
export function OutcomesPanel({ stats }: { stats: FollowUpStats }) {
  const o = stats.overall;
  const figures: [string, string, string][] = [
    ['Cases opened', String(o.opened), 'Follow-up cases opened in the period'],
    ['Contacted within SLA', percent(o.contactedWithinSla), 'Share of cases whose first contact came before the due time'],
    ['Time to first contact', durationText(o.medianFirstContactMs), 'Median, from opening to the first contact'],
    ['Time to resolution', durationText(o.medianResolutionMs), 'Median, from opening to resolution'],
    ['Recovery rate', percent(o.recoveryRate), 'Detractors whose next answer after resolution was 7 or more'],
    ['Next-loop rate, followed up', percent(o.nextLoop.followedUp.rate), `Detractors who answered again after a contact or resolution (${o.nextLoop.followedUp.answeredAgain} of ${o.nextLoop.followedUp.customers})`],
    ['Next-loop rate, not followed up', percent(o.nextLoop.notFollowedUp.rate), `Detractors nobody followed up who answered again (${o.nextLoop.notFollowedUp.answeredAgain} of ${o.nextLoop.notFollowedUp.customers})`],
  ];
  const history = stats.rootCausesOverTime;
  const causes = [...new Map(history.flatMap((p) => p.rootCauses).map((c) => [c.id, c.label])).entries()];
  return (
    <section class="card" aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">Follow-up outcomes</h2>
      <dl class="figures">
        {figures.map(([label, value, hint]) => (
          <div key={label} class="figure">
            <dt>{label}</dt>
            <dd class="figure-value">{value}</dd>
            <dd class="figure-hint muted">{hint}</dd>
          </div>
        ))}
      </dl>
      <Table caption="Per team" columns={COLUMNS} rows={stats.teams.map((t) => ({ ...t, key: t.teamId }))} rowKey={(row) => row.key} />
      <Table caption="Per member" columns={COLUMNS} rows={stats.members.map((m) => ({ ...m, key: m.memberId }))} rowKey={(row) => row.key} />
      <h3>Root causes over time</h3>
      {causes.length === 0 ? (
        <EmptyState title="No resolution named a root cause in this period">
          <p>Root causes are chosen when a case is resolved; the causes are set in the settings.</p>
        </EmptyState>
      ) : (
        <Table
          caption="Cases resolved with each root cause, per period"
          captionHidden
          rows={causes}
          rowKey={([id]) => id}
          columns={[
            { label: 'Root cause', cell: ([, label]) => label },
            ...history.map((period) => ({
              label: `From ${shortDate(period.from)}`,
              cell: ([id]: [string, string]) => period.rootCauses.find((c) => c.id === id)?.count ?? 0,
            })),
          ]}
        />
      )}
    </section>
  );
}
