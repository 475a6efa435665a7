import { scoreGroupOf } from '@closeloop/sdk/schemas';
import { useRef } from 'preact/hooks';
import { useWidth } from './use-width.js';

const H = 200;
const PAD = { left: 8, right: 8, top: 22, bottom: 26 };

/** How many answers gave each score 0–10, bars coloured by group, each bar's count written above it. */
export function DistributionChart({ distribution }: { distribution: readonly number[] }) {
  const box = useRef<HTMLDivElement>(null);
  const W = useWidth(box, 720).value;
  const max = Math.max(1, ...distribution);
  const step = (W - PAD.left - PAD.right) / 11;
  const plotH = H - PAD.top - PAD.bottom;
  const summary = distribution.map((n, score) => `${score}: ${n}`).join(', ');
  return (
    <div ref={box}>
    <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby="distribution-title" class="chart-svg">
      <title id="distribution-title">{`Answers per score, 0 to 10 (${summary})`}</title>
      {distribution.map((n, score) => {
        const height = (n / max) * plotH;
        const x = PAD.left + step * score;
        return (
          <g key={score}>
            <rect class={`bar-${scoreGroupOf(score)}`} x={x + step * 0.12} width={step * 0.76} y={PAD.top + plotH - height} height={height} rx={3} />
            <text class="chart-label" x={x + step / 2} y={PAD.top + plotH - height - 6} text-anchor="middle">
              {n}
            </text>
            <text class="chart-label chart-axis" x={x + step / 2} y={H - 8} text-anchor="middle">
              {score}
            </text>
          </g>
        );
      })}
    </svg>
    </div>
  );
}
