import type { NpsStats } from '@closeloop/sdk/schemas';
import { useRef } from 'preact/hooks';
import { Table } from '../../ui/table.js';
import { npsText, shortDate } from './result-words.js';
import { useWidth } from './use-width.js';

const H = 240;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };
const TICKS = [100, 50, 0, -50, -100];

/**
 * NPS per bucket as a line from −100 to +100 over faint bars of the answer counts, in plain SVG (no chart library
 * for one line). Buckets without answers leave a gap in the line. The same figures follow as a table for anyone who
 * cannot read the picture.
 */
export function NpsChart({ stats }: { stats: NpsStats }) {
  const box = useRef<HTMLDivElement>(null);
  const W = useWidth(box, 720).value;
  const { buckets } = stats;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / Math.max(buckets.length, 1);
  const x = (i: number) => PAD.left + step * (i + 0.5);
  const y = (nps: number) => PAD.top + ((100 - nps) / 200) * plotH;
  const maxCount = Math.max(1, ...buckets.map((b) => b.count));
  const segments: string[] = [];
  let current: string[] = [];
  buckets.forEach((bucket, i) => {
    if (bucket.nps === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(bucket.nps).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(' '));
  // Across buckets without answers the line goes on dashed: the trend stays readable, the gap stays visible.
  const answeredAt = buckets.flatMap((bucket, i) => (bucket.nps === null ? [] : [i]));
  const gaps = answeredAt.slice(1).flatMap((i, k) => (i - answeredAt[k]! > 1 ? [[answeredAt[k]!, i] as const] : []));
  const labelEvery = Math.max(1, Math.ceil(buckets.length / Math.max(2, Math.floor(W / 110))));
  const answered = buckets.filter((b) => b.nps !== null);
  const description = answered.length === 0 ? 'No answers in this period.' : `NPS from ${npsText(answered[0]!.nps)} on ${shortDate(answered[0]!.start)} to ${npsText(answered.at(-1)!.nps)} on ${shortDate(answered.at(-1)!.start)}.`;
  return (
    <figure class="chart">
      <div ref={box}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby="nps-chart-title nps-chart-desc" class="chart-svg">
        <title id="nps-chart-title">NPS per {stats.interval}</title>
        <desc id="nps-chart-desc">{description}</desc>
        {TICKS.map((tick) => (
          <g key={tick}>
            <line class={tick === 0 ? 'chart-zero' : 'chart-grid'} x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text class="chart-label" x={PAD.left - 6} y={y(tick) + 4} text-anchor="end">
              {npsText(tick)}
            </text>
          </g>
        ))}
        {buckets.map((bucket, i) => {
          const height = (bucket.count / maxCount) * plotH * 0.35;
          return <rect key={bucket.start} class="chart-count" x={x(i) - step * 0.35} width={step * 0.7} y={PAD.top + plotH - height} height={height} />;
        })}
        {gaps.map(([a, b]) => (
          <line key={`${a}-${b}`} class="chart-gap" x1={x(a)} y1={y(buckets[a]!.nps!)} x2={x(b)} y2={y(buckets[b]!.nps!)} />
        ))}
        {segments.map((points) => (
          <polyline key={points} class="chart-line" points={points} />
        ))}
        {buckets.map((bucket, i) =>
          bucket.nps === null ? null : (
            <circle key={bucket.start} class="chart-point" cx={x(i)} cy={y(bucket.nps)} r={3.5}>
              <title>{`${shortDate(bucket.start)}: NPS ${npsText(bucket.nps)}, ${bucket.count} answers`}</title>
            </circle>
          ),
        )}
        {buckets.map((bucket, i) =>
          i % labelEvery === 0 ? (
            <text key={bucket.start} class="chart-label" x={x(i)} y={H - 8} text-anchor="middle">
              {shortDate(bucket.start)}
            </text>
          ) : null,
        )}
      </svg>
      </div>
      <figcaption class="chart-legend muted">
        <span>
          <span class="legend-line" aria-hidden="true" />
          NPS per {stats.interval} (dashed across {stats.interval}s without answers)
        </span>
        <span>
          <span class="legend-bar" aria-hidden="true" />
          Answers per {stats.interval}
        </span>
      </figcaption>
      <details class="chart-table">
        <summary>Show as a table</summary>
        <Table
          caption={`NPS per ${stats.interval}`}
          captionHidden
          rows={buckets}
          rowKey={(b) => b.start}
          columns={[
            { label: stats.interval === 'week' ? 'Week of' : 'Day', cell: (b) => shortDate(b.start) },
            { label: 'Answers', cell: (b) => b.count },
            { label: 'Detractors', cell: (b) => b.detractors },
            { label: 'Passives', cell: (b) => b.passives },
            { label: 'Promoters', cell: (b) => b.promoters },
            { label: 'NPS', cell: (b) => npsText(b.nps) },
          ]}
        />
      </details>
    </figure>
  );
}
