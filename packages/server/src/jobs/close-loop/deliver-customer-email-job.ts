import { Uuid } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import { buildCloseLoopMail } from '../../notify/email/close-loop-mail.js';
import { sendMail } from '../../notify/email/send-mail.js';
import { findCaseById } from '../../repos/case-by-id.js';
import { findMessageById } from '../../repos/messages.js';
import type { StoredMessage } from '../../repos/messages.js';
import { findSurvey } from '../../repos/surveys.js';
import type { JobDependencies } from '../job-dependencies.js';
import { defineJob } from '../job-definition.js';
import type { JobKind } from '../job-definition.js';
import { recordNotification } from '../notify-case/record-notification.js';
import { customerSaid } from './customer-said.js';

export const DeliverCustomerEmailPayload = z.object({ messageId: Uuid });

/** 20 attempts, some 4–8 hours like webhooks: the customer's answer is worth a late arrival, unlike a staff alert. */
export const deliverCustomerEmailKind: JobKind<typeof DeliverCustomerEmailPayload> = {
  kind: 'deliver-customer-email',
  payload: DeliverCustomerEmailPayload,
  maxAttempts: 20,
};

/**
 * Mails a close-the-loop message to the customer: the agent's text under "you told us", in the language of the
 * customer's response (`context.locale`), from the project's name. The outcome goes on the case's timeline:
 * `notification_delivered` once the mail server took it, `notification_failed` with the last error once every
 * attempt failed. A server without mail settings fails it at once, visibly, rather than retrying for hours.
 */
export function deliverCustomerEmailJob({ db, mail, now }: JobDependencies) {
  async function outcome(message: StoredMessage, type: 'notification_delivered' | 'notification_failed', error?: string) {
    const after = { channel: 'email', event: 'follow_up.loop_closed', messageId: message.id, to: message.recipient, ...(error !== undefined && { error }) };
    await recordNotification(db.kysely, { projectId: message.projectId, caseId: message.caseId, type, after, at: now() });
  }
  return defineJob({
    ...deliverCustomerEmailKind,
    async handle({ messageId }) {
      const message = await findMessageById(db.kysely, messageId);
      if (message === null || message.recipient === null) return;
      if (mail == null) return outcome(message, 'notification_failed', 'this server sends no email: set CLOSELOOP_SMTP_URL and CLOSELOOP_MAIL_FROM');
      const found = await findCaseById(db.kysely, message.caseId);
      if (found === null) return;
      const { followUp } = found;
      const survey = followUp.source === 'survey' ? await findSurvey(db.kysely, found.projectId, followUp.surveyId) : null;
      const { respondent, context } = followUp.source === 'survey' ? followUp.response : followUp.feedback;
      const name = respondent.attributes?.['name'];
      const built = buildCloseLoopMail({
        projectName: found.projectName,
        to: message.recipient,
        customerName: typeof name === 'string' && name.trim() !== '' ? name : null,
        locale: context.locale,
        customerSaid: customerSaid(followUp, survey),
        reply: message.body,
      });
      const delivery = await sendMail(mail.transport, { from: mail.from, projectName: found.projectName }, built);
      if (!delivery.ok) throw new Error(`email to ${message.recipient}: ${delivery.error ?? 'refused'}`);
      await outcome(message, 'notification_delivered');
    },
    async onGiveUp({ messageId }, { error }) {
      const message = await findMessageById(db.kysely, messageId);
      if (message !== null) await outcome(message, 'notification_failed', error);
    },
  });
}
