import type { ErrorIssue } from '@closeloop/sdk/schemas';

/**
 * Every problem of the draft in one list, by field path, so none hides in a collapsed section or a field the form
 * does not draw (each is also shown beside its field). Collapsed to a count until a save is refused.
 */
export function ProblemList({ issues, expanded }: { issues: readonly ErrorIssue[]; expanded: boolean }) {
  if (issues.length === 0) return null;
  const title = `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} to fix before saving`;
  return (
    <details class="problem-list" id="survey-problems" tabIndex={-1} open={expanded}>
      <summary>{title}</summary>
      <ul class="issue-list">
        {issues.map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
