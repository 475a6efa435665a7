import { scoreGroupOf } from '@closeloop/sdk/schemas';
import type { ListedResponse } from '@closeloop/sdk/schemas';
import { casePath } from '../../paths.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { GROUP_TONE, GROUP_WORDS } from './result-words.js';

interface ResponseItemProps {
  response: ListedResponse;
  surveyName: string;
  busy: boolean;
  onMark: (read: boolean) => void;
}

/** One response: score and group, what the customer wrote, where and when, its case, and its read state with a toggle. */
export function ResponseItem({ response, surveyName, busy, onMark }: ResponseItemProps) {
  const comments = Object.values(response.answers).filter((value): value is string => typeof value === 'string');
  const group = response.npsScore === null ? null : scoreGroupOf(response.npsScore);
  const unread = response.read === false;
  const path = new URL(response.context.url).pathname;
  return (
    <li class={unread ? 'response-item unread' : 'response-item'} data-response-id={response.id}>
      <div class="response-head">
        {unread && <span class="unread-dot" aria-hidden="true" />}
        {group && response.npsScore !== null && (
          <Badge tone={GROUP_TONE[group]}>
            {response.npsScore} · {GROUP_WORDS[group].one}
          </Badge>
        )}
        <span class="muted">
          {surveyName} · <span class="break">{path}</span> · {new Date(response.receivedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC
        </span>
        {unread && <span class="visually-hidden">Unread.</span>}
      </div>
      {comments.length > 0 ? (
        comments.map((comment, i) => (
          <p key={i} class="quote">
            {comment}
          </p>
        ))
      ) : (
        <p class="muted">No comment.</p>
      )}
      <div class="response-actions">
        {response.followUpId ? <a href={casePath(response.followUpId)}>Open its case</a> : <span class="muted">No case</span>}
        {response.read !== null && (
          <Button onClick={() => onMark(!response.read)} busy={busy}>
            {response.read ? 'Mark unread' : 'Mark read'}
          </Button>
        )}
      </div>
    </li>
  );
}
