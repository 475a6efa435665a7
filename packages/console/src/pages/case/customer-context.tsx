import type { CaseDetail, FollowUp, SurveyDefinition } from '@closeloop/sdk/schemas';
import { RESOLUTION_WORDS, STATUS_WORDS } from '../../cases/case-words.js';
import { casePath } from '../../paths.js';
import { Table } from '../../ui/table.js';

const DEVICE_WORDS = { desktop: 'Desktop', tablet: 'Tablet', mobile: 'Mobile' } as const;

function when(timestamp: string): string {
  return new Date(timestamp).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * How the customer agreed to be reached about this case, in words; without an answer, why there is none as far as
 * the case tells: the survey has no contact step, the widget passed over it (it does for a customer whose verified
 * identity carries an email), or the customer stopped before it. A survey since deleted tells nothing.
 */
function contactText(customer: CaseDetail['customer'], followUp: FollowUp, surveys: SurveyDefinition[]): string {
  const { contact, respondent } = customer;
  if (contact !== null) return contact.consent ? `Agreed, by ${contact.channel}: ${contact.address}` : 'Declined to be contacted';
  if (followUp.source === 'feedback') return 'No email left with the feedback';
  const survey = surveys.find((candidate) => candidate.id === followUp.response.surveyId);
  if (survey !== undefined && !survey.questions.some((question) => question.type === 'contact')) return 'Not asked: the survey has no contact step';
  if (respondent.verified && typeof respondent.attributes?.email === 'string') return 'Not asked: their verified email is under Attributes';
  if (survey !== undefined && !followUp.response.finished) return 'Not answered: the customer left the survey before this step';
  return 'Not asked, or not answered';
}

/** Who the customer is and where they were: page, device, locale, attributes, consent, earlier answers and cases. */
export function CustomerContext({ customer, followUp, surveys }: { customer: CaseDetail['customer']; followUp: FollowUp; surveys: SurveyDefinition[] }) {
  const { respondent } = customer;
  const attributes = Object.entries(respondent.attributes ?? {});
  return (
    <section class="card" aria-labelledby="context-title">
      <h2 id="context-title">Customer and context</h2>
      <dl class="facts">
        <div>
          <dt>Customer</dt>
          <dd>{respondent.userId ? `${respondent.userId} (${respondent.verified ? 'verified' : 'not verified'})` : 'Anonymous visitor'}</dd>
        </div>
        <div>
          <dt>Page</dt>
          <dd class="break">{customer.page}</dd>
        </div>
        <div>
          <dt>Device</dt>
          <dd>{customer.device ? DEVICE_WORDS[customer.device] : 'Unknown'}</dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{customer.locale ?? 'Unknown'}</dd>
        </div>
        <div>
          <dt>Contact</dt>
          <dd>{contactText(customer, followUp, surveys)}</dd>
        </div>
      </dl>
      {attributes.length > 0 && (
        <Table caption="Attributes" columns={[{ label: 'Attribute', cell: ([name]) => name }, { label: 'Value', cell: ([, value]) => String(value) }]} rows={attributes} rowKey={([name]) => name} />
      )}
      <h3>Earlier cases</h3>
      {customer.earlierCases.length === 0 ? (
        <p class="muted">None: this is the customer's first case.</p>
      ) : (
        <ul class="plain-list">
          {customer.earlierCases.map((earlier) => (
            <li key={earlier.id}>
              <a href={casePath(earlier.id)}>
                {when(earlier.createdAt)}: {earlier.source === 'survey' ? 'survey answer' : 'feedback'}, {STATUS_WORDS[earlier.status].toLowerCase()}
                {earlier.resolution && ` (${RESOLUTION_WORDS[earlier.resolution].toLowerCase()})`}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h3>Earlier answers</h3>
      {customer.earlierResponses.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="plain-list">
          {customer.earlierResponses.map((response) => (
            <li key={response.id}>
              {when(response.answeredAt)}, {response.surveyId}:{' '}
              {Object.values(response.answers)
                .filter((value) => typeof value === 'number' || typeof value === 'string')
                .join(' · ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
