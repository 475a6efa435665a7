import type { Kysely, Migration } from 'kysely';

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
};
