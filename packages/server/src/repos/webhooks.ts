import { randomUUID } from 'node:crypto';
import { Webhook, WebhookEventType } from '@closeloop/sdk/schemas';
import type { WebhookEventType as EventType } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { Selectable } from 'kysely';
import type { WebhooksTable } from '../db/database.js';
import type { Conn } from '../db/db.js';
import { forgetProjectListeners } from './project-listeners-cache.js';

/** A webhook as the sender needs it: with its signing secret. Never sent to a client after registration. */
export interface StoredWebhook extends Webhook {
  projectId: string;
  secret: string;
  deletedAt: string | null;
}

export interface NewWebhookRow {
  projectId: string;
  url: string;
  events: EventType[];
  secret: string;
}

const Events = z.array(WebhookEventType);

/** A webhook row's `events` column, parsed: an event type the code no longer knows fails here. */
export function storedWebhookEvents(json: string): EventType[] {
  return Events.parse(JSON.parse(json));
}

// Parsed on the way out: an event type the code no longer knows fails here, not at a receiver.
function webhookFromRow(row: Selectable<WebhooksTable>): StoredWebhook {
  return {
    ...Webhook.parse({ id: row.id, url: row.url, events: storedWebhookEvents(row.events), createdAt: row.created_at }),
    projectId: row.project_id,
    secret: row.secret,
    deletedAt: row.deleted_at,
  };
}

/** Without the secret and the bookkeeping: what `GET /api/v1/webhooks` shows. */
export function publicWebhook({ id, url, events, createdAt }: StoredWebhook): Webhook {
  return { id, url, events, createdAt };
}

export async function insertWebhook(conn: Conn, input: NewWebhookRow, now: Date): Promise<StoredWebhook> {
  const row = {
    id: randomUUID(),
    project_id: input.projectId,
    url: input.url,
    events: JSON.stringify(input.events),
    secret: input.secret,
    created_at: now.toISOString(),
    deleted_at: null,
  };
  await conn.insertInto('webhooks').values(row).execute();
  forgetProjectListeners(conn);
  return webhookFromRow(row);
}

/** The project's live webhooks, oldest first. */
export async function listWebhooks(conn: Conn, projectId: string): Promise<StoredWebhook[]> {
  const rows = await conn
    .selectFrom('webhooks')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(webhookFromRow);
}

/** One of the project's webhooks, deleted ones included (their deliveries stay readable); null when unknown. */
export async function findWebhook(conn: Conn, projectId: string, id: string): Promise<StoredWebhook | null> {
  const row = await conn.selectFrom('webhooks').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
  return row ? webhookFromRow(row) : null;
}

/** A webhook by id alone, for the job that delivers to it (the job was queued for the right project). */
export async function findWebhookById(conn: Conn, id: string): Promise<StoredWebhook | null> {
  const row = await conn.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? webhookFromRow(row) : null;
}

/** Marks a live webhook deleted; true when it was live. */
export async function deleteWebhook(conn: Conn, projectId: string, id: string, now: Date): Promise<boolean> {
  const result = await conn
    .updateTable('webhooks')
    .set({ deleted_at: now.toISOString() })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  forgetProjectListeners(conn);
  return Number(result.numUpdatedRows) > 0;
}
