import { randomUUID } from 'node:crypto';
import { PostgresAdapter, sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { backfillCaseLifecycle } from './backfill-case-lifecycle.js';
import { backfillNpsScores } from './backfill-nps-scores.js';
import { backfillPagePaths } from './backfill-page-paths.js';

/**
 * Every schema change, in order. Names sort lexicographically and are never renamed: Kysely records them in
 * `kysely_migration` and runs only the new ones at start.
 */
export const migrations: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('projects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull().unique())
        .addColumn('secret_key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('identity_secret', 'text', (c) => c.notNull())
        .addColumn('allowed_origins', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('surveys')
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('surveys_pk', ['project_id', 'id'])
        .execute();

      await db.schema
        .createTable('responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('survey_id', 'text', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('finished', 'integer', (c) => c.notNull())
        .addColumn('respondent', 'text', (c) => c.notNull())
        .addColumn('verified', 'integer', (c) => c.notNull())
        .addColumn('context', 'text', (c) => c.notNull())
        .addColumn('answered_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // GET /api/v1/responses: newest first per project, optionally per survey.
      await db.schema.createIndex('responses_project_received').on('responses').columns(['project_id', 'received_at', 'id']).execute();
      await db.schema
        .createIndex('responses_project_survey_received')
        .on('responses')
        .columns(['project_id', 'survey_id', 'received_at', 'id'])
        .execute();

      await db.schema
        .createTable('follow_ups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        // UNIQUE is what guarantees one case per response, even when duplicate posts race.
        .addColumn('response_id', 'text', (c) => c.notNull().unique().references('responses.id').onDelete('cascade'))
        .addColumn('survey_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // GET /api/v1/follow-ups: newest first per project, optionally per status.
      await db.schema.createIndex('follow_ups_project_created').on('follow_ups').columns(['project_id', 'created_at', 'id']).execute();
      await db.schema
        .createIndex('follow_ups_project_status_created')
        .on('follow_ups')
        .columns(['project_id', 'status', 'created_at', 'id'])
        .execute();
    },
  },

  /**
   * Feedback from the feedback button, and follow-up cases that come from either a response or a feedback.
   * `follow_ups.response_id` and `survey_id` become nullable, which SQLite cannot alter in place, so the table is
   * rebuilt (the same statements on both dialects) and its rows copied over.
   */
  '0002_feedback': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('feedback')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('respondent', 'text', (c) => c.notNull())
        .addColumn('verified', 'integer', (c) => c.notNull())
        .addColumn('context', 'text', (c) => c.notNull())
        .addColumn('sent_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      // GET /api/v1/feedback: newest first per project, optionally per category.
      await db.schema.createIndex('feedback_project_received').on('feedback').columns(['project_id', 'received_at', 'id']).execute();
      await db.schema
        .createIndex('feedback_project_category_received')
        .on('feedback')
        .columns(['project_id', 'category', 'received_at', 'id'])
        .execute();

      await db.schema
        .createTable('follow_ups_v2')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        // UNIQUE on each source is what guarantees one case per response or feedback, even when duplicate posts race.
        .addColumn('response_id', 'text', (c) => c.unique().references('responses.id').onDelete('cascade'))
        .addColumn('feedback_id', 'text', (c) => c.unique().references('feedback.id').onDelete('cascade'))
        .addColumn('survey_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('priority', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text')
        .addColumn('trigger', 'text')
        .addColumn('due_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        // Exactly one cause: a case without one could not be shown, a case with two would be ambiguous.
        .addCheckConstraint(
          'follow_ups_one_source',
          sql`(response_id is not null and survey_id is not null and "trigger" is not null and feedback_id is null) or (feedback_id is not null and response_id is null)`,
        )
        .execute();
      await sql`insert into follow_ups_v2 (id, project_id, response_id, feedback_id, survey_id, status, priority, owner_id, "trigger", due_at, created_at, updated_at)
        select id, project_id, response_id, null, survey_id, status, priority, owner_id, "trigger", due_at, created_at, updated_at from follow_ups`.execute(db);
      await db.schema.dropTable('follow_ups').execute();
      await db.schema.alterTable('follow_ups_v2').renameTo('follow_ups').execute();
      await db.schema.createIndex('follow_ups_project_created').on('follow_ups').columns(['project_id', 'created_at', 'id']).execute();
      await db.schema
        .createIndex('follow_ups_project_status_created')
        .on('follow_ups')
        .columns(['project_id', 'status', 'created_at', 'id'])
        .execute();
    },
  },
  /**
   * `responses.user_id`: the respondent's user id as a real, indexed column, so the config reply's "what this user
   * answered" (asked on every page view of an identified user) is an index lookup instead of a JSON scan of the
   * project's responses. Filled here for existing rows, and by every insert and merge from now on. The backfill
   * parses the JSON in JavaScript: the two dialects share no JSON function, and only identified rows are touched.
   */
  '0003_response_user_id': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('responses').addColumn('user_id', 'text').execute();
      const rows = await sql<{ id: string; respondent: string }>`select id, respondent from responses where respondent like ${'%"userId"%'}`.execute(db);
      for (const { id, respondent } of rows.rows) {
        const userId: unknown = (JSON.parse(respondent) as { userId?: unknown }).userId;
        if (typeof userId === 'string') await sql`update responses set user_id = ${userId} where id = ${id}`.execute(db);
      }
      await db.schema.createIndex('responses_project_user').on('responses').columns(['project_id', 'user_id']).execute();
    },
  },
  /**
   * The case contract fixed before it hardens: the assignee is separate from the status (`owner_id` becomes
   * `assignee_id`, and the status `assigned` becomes `open` with its assignee kept), the matching answer is the case's
   * `reason` (`trigger` already means what showed the survey), and every case gets a `version` for optimistic
   * concurrency. RENAME COLUMN works in place on PostgreSQL and on SQLite ≥ 3.25, and rewrites the one-cause CHECK
   * constraint on both.
   */
  '0004_case_contract': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('follow_ups').renameColumn('owner_id', 'assignee_id').execute();
      await db.schema.alterTable('follow_ups').renameColumn('trigger', 'reason').execute();
      await db.schema.alterTable('follow_ups').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await sql`update follow_ups set status = 'open' where status = 'assigned'`.execute(db);
    },
  },
  /**
   * The job queue (outbox): a job row is written in the same transaction as the change that causes it, so a crash
   * between commit and enqueue loses nothing. `key` is deterministic (`case:<id>:opened`), so nothing is queued twice.
   * Runners claim due jobs (pending, or running with an expired lease) through the (status, run_at) index.
   */
  '0005_jobs': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_status_run_at').on('jobs').columns(['status', 'run_at']).execute();
    },
  },
  /**
   * The case lifecycle: members and teams who work cases, the append-only timeline (`case_events`), project settings
   * (root causes), and on each case its team, a sortable priority, escalation, first contact, resolution, the
   * customer's text for `?q=` and who the customer is. The queue is read in priority then due order, per project and
   * per common filter (status, assignee, team), so each has an index in that order.
   */
  '0006_case_lifecycle': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('members')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('away', 'integer', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      // One live member per email; a deleted member's address may be used again.
      await db.schema.createIndex('members_project_email').on('members').columns(['project_id', 'email']).unique().where(sql.ref('deleted_at'), 'is', null).execute();

      await db.schema
        .createTable('teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('teams_project_name', ['project_id', 'name'])
        .execute();
      await db.schema
        .createTable('team_members')
        .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
        // The order the members were listed in, kept as given.
        .addColumn('position', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'member_id'])
        .execute();
      await db.schema.createIndex('team_members_member').on('team_members').column('member_id').execute();

      await db.schema
        .createTable('case_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('case_id', 'text', (c) => c.notNull().references('follow_ups.id').onDelete('cascade'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addUniqueConstraint('case_events_case_seq', ['case_id', 'seq'])
        .execute();
      // The audit trail cannot be rewritten, whatever code runs against the database. (Deleting a case, when a
      // person is erased, still takes its events with it.)
      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        await sql`create function case_events_append_only() returns trigger language plpgsql as $$ begin raise exception 'case events are append-only'; end $$`.execute(db);
        await sql`create trigger case_events_append_only before update on case_events for each row execute function case_events_append_only()`.execute(db);
      } else {
        await sql`create trigger case_events_append_only before update on case_events begin select raise(abort, 'case events are append-only'); end`.execute(db);
      }

      await db.schema.alterTable('projects').addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      await db.schema.alterTable('responses').addColumn('anonymous_id', 'text').execute();

      const columns: [string, 'text' | 'integer', boolean][] = [
        ['team_id', 'text', false],
        ['priority_rank', 'integer', true],
        ['escalated_at', 'text', false],
        ['first_contact_at', 'text', false],
        ['resolution', 'text', false],
        ['root_cause', 'text', false],
        ['search_text', 'text', true],
        ['customer_user_id', 'text', false],
        ['customer_anonymous_id', 'text', false],
      ];
      for (const [name, type, notNull] of columns) {
        await db.schema
          .alterTable('follow_ups')
          .addColumn(name, type, (c) => (notNull ? c.notNull().defaultTo(type === 'integer' ? 2 : '') : c))
          .execute();
      }
      await sql`update follow_ups set priority_rank = case priority when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`.execute(db);
      await backfillCaseLifecycle(db);

      // The queue: priority, then due time, then id, per project and per common filter.
      const order = ['priority_rank', 'due_at', 'id'];
      await db.schema.createIndex('follow_ups_project_queue').on('follow_ups').columns(['project_id', ...order]).execute();
      await db.schema.createIndex('follow_ups_project_status_queue').on('follow_ups').columns(['project_id', 'status', ...order]).execute();
      await db.schema.createIndex('follow_ups_project_assignee_queue').on('follow_ups').columns(['project_id', 'assignee_id', ...order]).execute();
      await db.schema.createIndex('follow_ups_project_team_queue').on('follow_ups').columns(['project_id', 'team_id', ...order]).execute();
      // The list no longer reads newest first per status; (project_id, created_at) stays for time ranges.
      await db.schema.dropIndex('follow_ups_project_status_created').execute();
      // A customer's other cases and answers.
      await db.schema.createIndex('follow_ups_project_customer_user').on('follow_ups').columns(['project_id', 'customer_user_id']).execute();
      await db.schema.createIndex('follow_ups_project_customer_anonymous').on('follow_ups').columns(['project_id', 'customer_anonymous_id']).execute();
      await db.schema.createIndex('responses_project_anonymous').on('responses').columns(['project_id', 'anonymous_id']).execute();
    },
  },
  /**
   * Webhooks and Slack. A webhook is deleted softly (`deleted_at`): its
   * deliveries stay readable, and a delivery row points at it. `webhook_deliveries` records every attempt, newest
   * first per webhook through its (webhook_id, at, id) index. The Slack URL lives in `integrations`, one row per
   * project and kind, rather than a column on `projects`: `projects` is read on every public request and should not
   * carry a credential, and the next integration (Teams, a helpdesk) is a row, not a migration.
   */
  '0007_webhooks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhooks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('deleted_at', 'text')
        .execute();
      await db.schema.createIndex('webhooks_project_created').on('webhooks').columns(['project_id', 'created_at', 'id']).execute();

      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('webhook_id', 'text', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
        .addColumn('job_key', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('message_id', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('webhook_deliveries_webhook_at').on('webhook_deliveries').columns(['webhook_id', 'at', 'id']).execute();

      await db.schema
        .createTable('integrations')
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('integrations_pk', ['project_id', 'kind'])
        .execute();
    },
  },

  /**
   * Messages that close the loop with a customer (`POST /api/v1/follow-ups/:id/close-loop`), one row per channel:
   * `email` to `recipient`, or `widget` for the verified `user_id` to read on their next visit (`GET /v1/messages`)
   * until `seen_at`. They go with their case (erased with the person).
   */
  '0009_messages': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('messages')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('case_id', 'text', (c) => c.notNull().references('follow_ups.id').onDelete('cascade'))
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('recipient', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'text')
        .execute();
      // GET /v1/messages: a user's messages in the order they were written.
      await db.schema.createIndex('messages_project_user_created').on('messages').columns(['project_id', 'user_id', 'created_at', 'id']).execute();
    },
  },
  /**
   * Recovery measured: each response's NPS score as a column (`nps_score`, the answer to the survey's first NPS
   * question), so the stats find detractors in a time range through the (project_id, received_at) index without
   * parsing JSON; and on each case the customer's next NPS answer after it was resolved (`recovery_response_id`,
   * `recovery_score`). UNIQUE(recovery_response_id) keeps one answer to one case, even when two steps race. A
   * customer's responses are indexed by time too, for the stats' "answered again".
   */
  '0010_recovery': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('responses').addColumn('nps_score', 'integer').execute();
      await backfillNpsScores(db);
      // Erasing the answer unlinks it; the case and its timeline stay.
      await db.schema.alterTable('follow_ups').addColumn('recovery_response_id', 'text', (c) => c.references('responses.id').onDelete('set null')).execute();
      await db.schema.alterTable('follow_ups').addColumn('recovery_score', 'integer').execute();
      await db.schema.createIndex('follow_ups_recovery_response').on('follow_ups').column('recovery_response_id').unique().execute();
      // "Did this customer answer again after this answer?" is asked once per detractor in the stats window: with the
      // receipt time after the customer's id it is one seek per answer; without it SQLite walks the project's
      // responses by time for each one. The new indexes start with the old ones' columns, which they replace.
      await db.schema.createIndex('responses_project_user_received').on('responses').columns(['project_id', 'user_id', 'received_at']).execute();
      await db.schema.dropIndex('responses_project_user').execute();
      await db.schema.createIndex('responses_project_anonymous_received').on('responses').columns(['project_id', 'anonymous_id', 'received_at']).execute();
      await db.schema.dropIndex('responses_project_anonymous').execute();
    },
  },
  /**
   * Routing: a team's round-robin cursor, the member who got the team's last routed case. Kept on the team row, so
   * the routing step locks that row (PostgreSQL) and two cases opened at once take turns instead of both going to
   * the same member. A member rather than an index, so members joining, leaving or going away never skip a turn.
   */
  '0011_routing': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('teams').addColumn('last_routed_member_id', 'text').execute();
    },
  },
  /**
   * Console logins, sessions and the login rate limit. A member with a password (`password_hash`: scrypt, its salt and
   * parameters in the string) can sign in; their email is unique across the instance among live members with a
   * login, so a login by email finds one member of one project. `sessions` keeps only the SHA-256 of the cookie's
   * token: a leaked table opens no session. `login_failures` lives in the database so the limit holds across
   * instances. `case_events.stream_position` numbers events in insertion order across cases, the cursor of
   * `GET /api/v1/events` (event ids are random; times may tie).
   */
  '0012_console_logins': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('members').addColumn('password_hash', 'text').execute();
      await sql`create unique index members_login_email on members (email) where password_hash is not null and deleted_at is null`.execute(db);

      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_member').on('sessions').column('member_id').execute();
      await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();

      await db.schema
        .createTable('login_failures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('login_failures_email_at').on('login_failures').columns(['email', 'at']).execute();
      await db.schema.createIndex('login_failures_ip_at').on('login_failures').columns(['ip', 'at']).execute();
      await db.schema.createIndex('login_failures_at').on('login_failures').column('at').execute();

      if (db.getExecutor().adapter instanceof PostgresAdapter) {
        // A sequence numbers rows as they are inserted; existing rows are numbered as the table is rewritten (no
        // row trigger fires on a rewrite, so the append-only trigger stays in place).
        await sql`alter table case_events add column stream_position bigserial`.execute(db);
      } else {
        // SQLite inserts one writer at a time, so the insert numbers the row itself (max + 1); existing rows take
        // their rowid, the order they were inserted in. The append-only trigger is lifted for this one update.
        await db.schema.alterTable('case_events').addColumn('stream_position', 'integer').execute();
        await sql`drop trigger case_events_append_only`.execute(db);
        await sql`update case_events set stream_position = rowid`.execute(db);
        await sql`create trigger case_events_append_only before update on case_events begin select raise(abort, 'case events are append-only'); end`.execute(db);
      }
      // UNIQUE: two events never share a place in the stream; it also finds SQLite's max at once.
      await db.schema.createIndex('case_events_stream_position').on('case_events').column('stream_position').unique().execute();
      await db.schema.createIndex('case_events_project_position').on('case_events').columns(['project_id', 'stream_position']).execute();
    },
  },
  /**
   * Erasing a person (`DELETE /api/v1/people/:userId`). Feedback gets the `user_id` column responses have had since
   * 0003 (copied out of `respondent`, backfilled here), so a person's feedback is an index lookup. The timeline stays
   * append-only with one exception, the erasure itself: a row may be updated once, from `erased_at` null to set, with
   * its identity (id, case, seq, type, actor, time) unchanged, so only the personal values in `before`/`after` can be
   * replaced, and never twice. `person_erasures` remembers which people were erased, by a keyed hash of their id (never
   * the id), so a repeated request is told "nothing left" rather than "unknown person".
   */
  '0013_person_erasure': {
    async up(db: Kysely<unknown>) {
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      await db.schema.alterTable('feedback').addColumn('user_id', 'text').execute();
      if (postgres) await sql`update feedback set user_id = respondent::json->>'userId'`.execute(db);
      else await sql`update feedback set user_id = json_extract(respondent, '$.userId')`.execute(db);
      await db.schema.createIndex('feedback_project_user').on('feedback').columns(['project_id', 'user_id']).execute();
      // A person's messages (widget ones name the user) and cases, erased with them.
      await db.schema.createIndex('messages_case').on('messages').column('case_id').execute();

      await db.schema.alterTable('case_events').addColumn('erased_at', 'text').execute();
      const identityKept = (o: string, n: string) =>
        ['id', 'project_id', 'case_id', 'seq', 'type', 'actor', 'at'].map((c) => `${n}.${c} = ${o}.${c}`).join(' and ');
      if (postgres) {
        await sql
          .raw(
            `create or replace function case_events_append_only() returns trigger language plpgsql as $$ begin ` +
              `if old.erased_at is null and new.erased_at is not null and ${identityKept('old', 'new')} then return new; end if; ` +
              `raise exception 'case events are append-only'; end $$`,
          )
          .execute(db);
      } else {
        await sql`drop trigger case_events_append_only`.execute(db);
        await sql
          .raw(
            `create trigger case_events_append_only before update on case_events ` +
              `when not (old.erased_at is null and new.erased_at is not null and ${identityKept('old', 'new')}) ` +
              `begin select raise(abort, 'case events are append-only'); end`,
          )
          .execute(db);
      }

      await db.schema
        .createTable('person_erasures')
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('erased_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('person_erasures_pk', ['project_id', 'subject'])
        .execute();
    },
  },
  /**
   * Results: each response's page path as a column (`page_path`, from `context.url`), so the results filter and group
   * by page without parsing JSON; and which member has read which response (`response_reads`, a row while read).
   * Read state is per member, not per project: one agent working through a thousand answers must not mark them read
   * for a colleague. Rows go with their member or response (erasure removes both).
   */
  '0014_results': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('responses').addColumn('page_path', 'text').execute();
      await backfillPagePaths(db);
      // "Which pages produce the most detractors" groups one project's answers in a time range by page.
      await db.schema.createIndex('responses_project_page_received').on('responses').columns(['project_id', 'page_path', 'received_at']).execute();
      await db.schema
        .createTable('response_reads')
        .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
        .addColumn('response_id', 'text', (c) => c.notNull().references('responses.id').onDelete('cascade'))
        .addColumn('read_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('response_reads_pk', ['member_id', 'response_id'])
        .execute();
      // Erasing a response deletes its reads by response id.
      await db.schema.createIndex('response_reads_response').on('response_reads').column('response_id').execute();
    },
  },
  /**
   * Several secret keys per project (create one per integration, revoke one without breaking the others): the one
   * hash a project held moves to `project_keys`, where requests look keys up by hash (unique index). The old column
   * stays, retired: SQLite cannot drop a UNIQUE column without rebuilding `projects`, which most tables reference.
   * It is overwritten with `retired:<project id>` (unique, and the hash of no key), so a copy of it in a backup or a
   * forgotten query can never authenticate anything. The original key's plain text was never stored, so its prefix
   * is only `sk_`. (Numbered 0015 so the other migrations of this release can sort before it.)
   */
  '0015_project_keys': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('project_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('project_keys_project_created').on('project_keys').columns(['project_id', 'created_at', 'id']).execute();
      const projects = await sql<{ id: string; secret_key_hash: string; created_at: string }>`select id, secret_key_hash, created_at from projects`.execute(db);
      for (const project of projects.rows) {
        await sql`insert into project_keys (id, project_id, label, prefix, key_hash, created_at)
          values (${randomUUID()}, ${project.id}, 'Original key', 'sk_', ${project.secret_key_hash}, ${project.created_at})`.execute(db);
      }
      await sql`update projects set secret_key_hash = 'retired:' || id`.execute(db);
    },
  },
  /**
   * A customer's cases newest first, through (project_id, customer_*, created_at, id): with only (project_id,
   * customer_*) SQLite's planner read the case behind each NPS answer (`findCaseAwaitingNextAnswer`, ORDER BY
   * created_at LIMIT 1) through (project_id, created_at) instead, every case of the project per answer, so ingest
   * slowed down as cases piled up. The longer indexes replace the shorter ones, which they cover.
   */
  '0016_customer_cases_newest': {
    async up(db: Kysely<unknown>) {
      for (const who of ['user', 'anonymous'] as const) {
        await db.schema.dropIndex(`follow_ups_project_customer_${who}`).execute();
        await db.schema.createIndex(`follow_ups_project_customer_${who}_created`).on('follow_ups').columns(['project_id', `customer_${who}_id`, 'created_at', 'id']).execute();
      }
    },
  },
  /**
   * The one-answer-per-case index on `recovery_response_id` holds only the cases an answer measured (partial: WHERE
   * it is not null), with the same uniqueness. Whole, it held a NULL entry for every case, and PostgreSQL's generic
   * plan for a batch's recovery lookups (`insertResponsesFindingAwaitingCases`), made while `follow_ups` had no
   * statistics yet (a new database, the first minute), walked it for `recovery_response_id is null`: every case not
   * yet measured, per answer, 1,300 buffers per batch and 3 ms, slower as cases piled up. A partial index cannot
   * answer `is null`, so the lookups go through (project_id, customer_*, created_at, id); every case opened writes one
   * index entry less.
   */
  '0017_recovery_response_partial': {
    async up(db: Kysely<unknown>) {
      await db.schema.dropIndex('follow_ups_recovery_response').execute();
      await db.schema
        .createIndex('follow_ups_recovery_response')
        .on('follow_ups')
        .column('recovery_response_id')
        .unique()
        .where(sql.ref('recovery_response_id'), 'is not', null)
        .execute();
    },
  },
};
