import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { FeedbackCategory, FollowUp, FollowUpStatus, StoredFeedback, StoredResponse, SurveyDefinition } from '@closeloop/sdk/schemas';
import { answeredSurveys } from './answered-surveys.js';
import type { Database } from './database.js';
import { hashSecretKey } from './hash-secret-key.js';
import { recordFeedback } from './record-feedback.js';
import { recordResponse } from './record-response.js';
import { feedbackFromRow, followUpFromRow, projectFromRow, responseFromRow, surveyFromRow } from './rows.js';
import type { FeedbackRow, FollowUpCause, ResponseRow } from './rows.js';
import type { ListPage, NewProject, PageRequest, Project, RecordFeedbackInput, RecordResponseInput, Store } from './store.js';

/** The Store over any Kysely connection: the dialect-specific part is only how the connection is made. */
export class KyselyStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async createProject(input: NewProject, now: Date): Promise<Project> {
    const row = {
      id: input.id ?? randomUUID(),
      name: input.name,
      public_key: input.publicKey,
      secret_key_hash: hashSecretKey(input.secretKey),
      identity_secret: input.identitySecret,
      allowed_origins: JSON.stringify(input.allowedOrigins),
      created_at: now.toISOString(),
    };
    await this.db.insertInto('projects').values(row).execute();
    return projectFromRow(row);
  }

  async findProjectByPublicKey(publicKey: string): Promise<Project | null> {
    const row = await this.db.selectFrom('projects').selectAll().where('public_key', '=', publicKey).executeTakeFirst();
    return row ? projectFromRow(row) : null;
  }

  async findProjectBySecretKey(secretKey: string): Promise<Project | null> {
    const hash = hashSecretKey(secretKey);
    const row = await this.db.selectFrom('projects').selectAll().where('secret_key_hash', '=', hash).executeTakeFirst();
    return row ? projectFromRow(row) : null;
  }

  async upsertSurvey(projectId: string, survey: SurveyDefinition, now: Date): Promise<void> {
    const values = {
      project_id: projectId,
      id: survey.id,
      definition: JSON.stringify(survey),
      active: survey.active ? 1 : 0,
      updated_at: now.toISOString(),
    };
    await this.db
      .insertInto('surveys')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['project_id', 'id']).doUpdateSet({
          definition: values.definition,
          active: values.active,
          updated_at: values.updated_at,
        }),
      )
      .execute();
  }

  async getSurvey(projectId: string, surveyId: string): Promise<SurveyDefinition | null> {
    const row = await this.db
      .selectFrom('surveys')
      .select('definition')
      .where('project_id', '=', projectId)
      .where('id', '=', surveyId)
      .executeTakeFirst();
    return row ? surveyFromRow(row) : null;
  }

  async listActiveSurveys(projectId: string): Promise<SurveyDefinition[]> {
    const rows = await this.db
      .selectFrom('surveys')
      .select('definition')
      .where('project_id', '=', projectId)
      .where('active', '=', 1)
      .orderBy('id')
      .execute();
    return rows.map(surveyFromRow);
  }

  listAnsweredSurveys(projectId: string, userId: string) {
    return answeredSurveys(this.db, projectId, userId);
  }

  async listSurveys(projectId: string): Promise<SurveyDefinition[]> {
    const rows = await this.db.selectFrom('surveys').select('definition').where('project_id', '=', projectId).orderBy('id').execute();
    return rows.map(surveyFromRow);
  }

  recordResponse(input: RecordResponseInput) {
    return this.db.transaction().execute((trx) => recordResponse(trx, this.dialect, input));
  }

  async listResponses(projectId: string, page: PageRequest & { surveyId?: string }): Promise<ListPage<StoredResponse>> {
    const { surveyId, after } = page;
    let query = this.db
      .selectFrom('responses as r')
      .leftJoin('follow_ups as f', 'f.response_id', 'r.id')
      .selectAll('r')
      .select('f.id as follow_up_id')
      .where('r.project_id', '=', projectId);
    if (surveyId !== undefined) query = query.where('r.survey_id', '=', surveyId);
    if (after !== undefined) {
      query = query.where((eb) =>
        eb.or([eb('r.received_at', '<', after.at), eb.and([eb('r.received_at', '=', after.at), eb('r.id', '<', after.id)])]),
      );
    }
    const rows = await query.orderBy('r.received_at', 'desc').orderBy('r.id', 'desc').limit(page.limit + 1).execute();
    const data = rows.slice(0, page.limit).map(responseFromRow);
    const last = data.at(-1);
    return { data, next: rows.length > page.limit && last ? { at: last.receivedAt, id: last.id } : null };
  }

  async listFollowUps(projectId: string, page: PageRequest & { status?: FollowUpStatus }): Promise<ListPage<FollowUp>> {
    const { status, after } = page;
    let query = this.db.selectFrom('follow_ups').selectAll().where('project_id', '=', projectId);
    if (status !== undefined) query = query.where('status', '=', status);
    if (after !== undefined) {
      query = query.where((eb) => eb.or([eb('created_at', '<', after.at), eb.and([eb('created_at', '=', after.at), eb('id', '<', after.id)])]));
    }
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
    const pageRows = rows.slice(0, page.limit);
    const responses = await this.responsesById(pageRows.flatMap((f) => (f.response_id === null ? [] : [f.response_id])));
    const feedback = await this.feedbackById(pageRows.flatMap((f) => (f.feedback_id === null ? [] : [f.feedback_id])));
    const data = pageRows.map((f) => {
      let cause: FollowUpCause | undefined;
      if (f.feedback_id !== null) {
        const row = feedback.get(f.feedback_id);
        cause = row && { feedback: { ...row, follow_up_id: f.id } };
      } else if (f.response_id !== null) {
        const row = responses.get(f.response_id);
        cause = row && { response: { ...row, follow_up_id: f.id } };
      }
      if (!cause) throw new Error(`follow-up ${f.id} has no response ${f.response_id} or feedback ${f.feedback_id}`);
      return followUpFromRow(f, cause);
    });
    const last = data.at(-1);
    return { data, next: rows.length > page.limit && last ? { at: last.createdAt, id: last.id } : null };
  }

  recordFeedback(input: RecordFeedbackInput) {
    return this.db.transaction().execute((trx) => recordFeedback(trx, input));
  }

  async listFeedback(projectId: string, page: PageRequest & { category?: FeedbackCategory }): Promise<ListPage<StoredFeedback>> {
    const { category, after } = page;
    let query = this.db
      .selectFrom('feedback as b')
      .leftJoin('follow_ups as f', 'f.feedback_id', 'b.id')
      .selectAll('b')
      .select('f.id as follow_up_id')
      .where('b.project_id', '=', projectId);
    if (category !== undefined) query = query.where('b.category', '=', category);
    if (after !== undefined) {
      query = query.where((eb) =>
        eb.or([eb('b.received_at', '<', after.at), eb.and([eb('b.received_at', '=', after.at), eb('b.id', '<', after.id)])]),
      );
    }
    const rows = await query.orderBy('b.received_at', 'desc').orderBy('b.id', 'desc').limit(page.limit + 1).execute();
    const data = rows.slice(0, page.limit).map(feedbackFromRow);
    const last = data.at(-1);
    return { data, next: rows.length > page.limit && last ? { at: last.receivedAt, id: last.id } : null };
  }

  async destroy(): Promise<void> {
    await this.db.destroy();
  }

  private async responsesById(ids: string[]): Promise<Map<string, Omit<ResponseRow, 'follow_up_id'>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('responses').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }

  private async feedbackById(ids: string[]): Promise<Map<string, Omit<FeedbackRow, 'follow_up_id'>>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('feedback').selectAll().where('id', 'in', ids).execute();
    return new Map(rows.map((r) => [r.id, r]));
  }
}
