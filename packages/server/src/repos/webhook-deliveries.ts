import { WebhookDelivery } from '@closeloop/sdk/schemas';
import type { WebhookDeliveryType } from '@closeloop/sdk/schemas';
import type { Selectable } from 'kysely';
import type { WebhookDeliveriesTable } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { keysetPage } from './keyset.js';
import type { ListPage, PageRequest } from './keyset.js';
import { newRowId } from '../db/new-row-id.js';

export interface NewDelivery {
  webhookId: string;
  jobKey: string;
  type: WebhookDeliveryType;
  messageId: string;
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  at: Date;
}

function deliveryFromRow(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  return WebhookDelivery.parse({
    id: row.id,
    webhookId: row.webhook_id,
    type: row.event_type,
    messageId: row.message_id,
    attempt: row.attempt,
    statusCode: row.status_code,
    durationMs: row.duration_ms,
    error: row.error,
    at: row.at,
  });
}

/** Records one attempt, failed or not, and returns it as the delivery log lists it. */
export async function insertDelivery(conn: Conn, delivery: NewDelivery): Promise<WebhookDelivery> {
  const row = {
    id: newRowId(),
    webhook_id: delivery.webhookId,
    job_key: delivery.jobKey,
    event_type: delivery.type,
    message_id: delivery.messageId,
    attempt: delivery.attempt,
    status_code: delivery.statusCode,
    duration_ms: Math.max(0, Math.round(delivery.durationMs)),
    error: delivery.error,
    at: delivery.at.toISOString(),
  };
  await conn.insertInto('webhook_deliveries').values(row).execute();
  return deliveryFromRow(row);
}

/** A webhook's attempts, newest first, keyset paged through the (webhook_id, at, id) index. */
export function listDeliveries(conn: Conn, webhookId: string, page: PageRequest): Promise<ListPage<WebhookDelivery>> {
  const query = conn.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
  return keysetPage(query, { at: 'at', id: 'id' }, page, deliveryFromRow, (d) => ({ at: d.at, id: d.id }));
}

/**
 * Replaces with `erased` the recorded errors of the deliveries of this case's events (job keys `case:<id>:…`): a
 * receiver's reply may quote the payload it got, which named the customer. How many changed.
 */
export async function eraseCaseDeliveryErrors(conn: Conn, caseId: string, erased: string): Promise<number> {
  const result = await conn
    .updateTable('webhook_deliveries')
    .set({ error: erased })
    .where('job_key', 'like', `case:${caseId}:%`)
    .where('error', 'is not', null)
    .where('error', '!=', erased)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
