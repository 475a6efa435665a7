import type { CaseEvent } from '@closeloop/sdk/schemas';
import { PRIORITY_WORDS, RESOLUTION_WORDS, STATUS_WORDS } from '../../cases/case-words.js';
import type { Lookups } from '../../cases/use-lookups.js';
import { memberName, questionOf, teamName } from '../../cases/use-lookups.js';

type Fields = Record<string, unknown>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function words<K extends string>(table: Record<K, string>, value: unknown): string {
  return typeof value === 'string' && value in table ? table[value as K] : String(value);
}

/** Who made the change, in words: a member by name, else the kind of actor. */
export function actorText(actor: CaseEvent['actor'], lookups: Lookups): string {
  const memberId = 'memberId' in actor && typeof actor.memberId === 'string' ? actor.memberId : null;
  if (memberId) return memberName(lookups, memberId);
  switch (actor.kind) {
    case 'system':
      return 'Closeloop';
    case 'customer':
      return 'The customer';
    case 'project-key':
      return 'The API (project key)';
    default:
      return 'A member';
  }
}

/**
 * What an event did, in one sentence, from its `before`/`after` fields. `surveyId` is the survey of the answer that
 * opened the case, whose questions a later step of that answer is named by.
 */
export function eventText(event: CaseEvent, lookups: Lookups, surveyId?: string): string {
  const after: Fields = event.after ?? {};
  const before: Fields = event.before ?? {};
  switch (event.type) {
    case 'opened':
      return typeof after.priority === 'string' ? `Case opened, ${words(PRIORITY_WORDS, after.priority).toLowerCase()} priority` : 'Case opened';
    case 'assigned': {
      const parts: string[] = [];
      if (after.assigneeId !== before.assigneeId) parts.push(after.assigneeId ? `assigned to ${memberName(lookups, text(after.assigneeId))}` : 'unassigned');
      if (after.teamId !== before.teamId) parts.push(after.teamId ? `team set to ${teamName(lookups, text(after.teamId))}` : 'team removed');
      const sentence = parts.join(', ') || 'assignment unchanged';
      return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}${after.routed ? ' by the routing rules' : ''}`;
    }
    case 'status_changed':
      return `Status changed from ${words(STATUS_WORDS, before.status)} to ${words(STATUS_WORDS, after.status)}`;
    case 'reopened':
      return `Reopened (was ${words(STATUS_WORDS, before.status)})`;
    case 'priority_changed':
      return `Priority changed from ${words(PRIORITY_WORDS, before.priority)} to ${words(PRIORITY_WORDS, after.priority)}`;
    case 'due_changed':
      return `Due time changed to ${new Date(String(after.dueAt)).toLocaleString()}`;
    case 'note_added':
      return 'Note';
    case 'contacted':
      return 'Contacted the customer';
    case 'resolved': {
      const resolution = (after.resolution ?? {}) as Fields;
      return `Resolved: ${words(RESOLUTION_WORDS, resolution.resolution)}`;
    }
    case 'loop_closed': {
      const channels = Array.isArray(after.channels) ? after.channels.join(' and ') : '';
      return `Loop closed: message sent by ${channels}${after.to ? ` to ${String(after.to)}` : ''}`;
    }
    case 'message_seen':
      return 'The customer saw the message in the widget';
    case 'next_answer':
      return `The customer answered again: score ${String(after.score)}`;
    case 'answer_updated': {
      // By the questions as the customer read them ("What is the main reason…", "May we contact you…"), so staff see
      // whether a comment or a way to reach them came; the survey may have dropped a question since.
      const ids = Array.isArray(after.questionIds) ? after.questionIds.filter((id): id is string => typeof id === 'string') : [];
      const find = questionOf(lookups);
      const prompts = surveyId === undefined ? [] : ids.flatMap((id) => find(surveyId, id)?.prompt ?? []);
      return prompts.length === ids.length && prompts.length > 0
        ? `The customer answered ${prompts.map((prompt) => `“${prompt}”`).join(' and ')}`
        : 'The customer added to their answer';
    }
    case 'escalated':
      return 'Escalated: the case is past its due time';
    case 'notification_delivered':
      return 'Notification delivered';
    case 'notification_failed':
      return 'Notification failed';
    case 'personal_data_erased':
      return "The customer's personal data was erased";
  }
}

/** The text an event carries (a note's body, a resolution's summary, the message sent), if any. */
export function eventBody(event: CaseEvent): string | null {
  const after: Fields = event.after ?? {};
  if (event.type === 'resolved') return text(((after.resolution ?? {}) as Fields).summary);
  if (event.type === 'loop_closed') return text(after.message);
  return text(after.body);
}
