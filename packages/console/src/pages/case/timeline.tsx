import type { CaseEvent } from '@closeloop/sdk/schemas';
import type { Lookups } from '../../cases/use-lookups.js';
import { actorText, eventBody, eventText } from './timeline-text.js';

/**
 * The case's history, oldest first: who did what when, and the text of notes, resolutions and messages. `surveyId`:
 * the survey of the answer that opened the case, if a survey did.
 */
export function Timeline({ events, lookups, surveyId }: { events: CaseEvent[]; lookups: Lookups; surveyId?: string | undefined }) {
  return (
    <section class="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <ol class="timeline">
        {events.map((event) => {
          const body = eventBody(event);
          return (
            <li key={event.id} class={`event event-${event.type}`}>
              <p class="event-line">
                <strong>{eventText(event, lookups, surveyId)}</strong>
                <span class="muted">
                  {' '}
                  · {actorText(event.actor, lookups)} · <time dateTime={event.at}>{new Date(event.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                </span>
              </p>
              {body && <p class="event-body">{body}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
