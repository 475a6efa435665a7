import type {
  AnsweredSurvey,
  AnswerValue,
  FeedbackCategory,
  FollowUp,
  FollowUpPriority,
  FollowUpStatus,
  ResponseContext,
  StoredFeedback,
  StoredResponse,
  SurveyDefinition,
  SurveyFollowUp,
} from '@closeloop/sdk/schemas';

/** A project as the server uses it. The secret key is never held in memory after creation: only its hash is stored. */
export interface Project {
  id: string;
  name: string;
  publicKey: string;
  identitySecret: string;
  /** Origins allowed to call the public API from a browser; `*` allows any. */
  allowedOrigins: string[];
  createdAt: string;
}

export interface NewProject {
  /** Defaults to a random UUID. */
  id?: string;
  name: string;
  publicKey: string;
  /** The plain `sk_…` key; the store keeps its SHA-256 only. */
  secretKey: string;
  identitySecret: string;
  allowedOrigins: string[];
}

export type Answers = Record<string, AnswerValue>;

/** The respondent as stored: the signature is checked on the way in, then dropped; only the verdict remains. */
export type StoredRespondent = StoredResponse['respondent'];

/** What opens a case: decided by the follow-up rules from the merged answers. */
export interface NewFollowUp {
  trigger: SurveyFollowUp['trigger'];
  priority: FollowUpPriority;
  dueAt: string;
}

export interface RecordResponseInput {
  projectId: string;
  surveyId: string;
  /** The client-generated id that makes retries and later steps land on the same response. */
  id: string;
  answers: Answers;
  finished: boolean;
  respondent: StoredRespondent;
  context: ResponseContext;
  answeredAt: string;
  receivedAt: string;
  /**
   * Called inside the transaction with the merged answers (stored + new) when the response has no case yet;
   * returning a case opens it in the same transaction.
   */
  followUpFor(answers: Answers): NewFollowUp | null;
}

export type RecordResult =
  | { outcome: 'created' | 'merged'; id: string; followUpId: string | null }
  /** The id already belongs to a response of another project or survey. Nothing was written. */
  | { outcome: 'conflict' };

/** The case a feedback opens (a `problem`): decided by the route from the category. */
export interface NewFeedbackFollowUp {
  priority: FollowUpPriority;
  dueAt: string;
}

export interface RecordFeedbackInput {
  projectId: string;
  /** The client-generated id: the same feedback sent twice is stored once. */
  id: string;
  category: FeedbackCategory;
  comment: string;
  email?: string;
  respondent: StoredRespondent;
  context: ResponseContext;
  sentAt: string;
  receivedAt: string;
  /** Opened in the same transaction as the feedback is stored, never for a repeat. */
  followUp: NewFeedbackFollowUp | null;
}

export type RecordFeedbackResult =
  | { outcome: 'created' | 'repeated'; id: string; followUpId: string | null }
  /** The id already belongs to feedback of another project. Nothing was written. */
  | { outcome: 'conflict' };

/** Keyset position of the last item of a page: lists are ordered by time then id, both descending. */
export interface PageCursor {
  at: string;
  id: string;
}

export interface PageRequest {
  limit: number;
  after?: PageCursor;
}

export interface ListPage<T> {
  data: T[];
  next: PageCursor | null;
}

/** The one persistence boundary of the server; SQLite and PostgreSQL implement it with the same queries. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  createProject(input: NewProject, now: Date): Promise<Project>;
  findProjectByPublicKey(publicKey: string): Promise<Project | null>;
  /** Hashes `secretKey` and looks the hash up, so the plain key is never compared or stored. */
  findProjectBySecretKey(secretKey: string): Promise<Project | null>;
  /** Creates or replaces a survey; its `active` flag decides whether `/v1/config` lists it. */
  upsertSurvey(projectId: string, survey: SurveyDefinition, now: Date): Promise<void>;
  getSurvey(projectId: string, surveyId: string): Promise<SurveyDefinition | null>;
  listActiveSurveys(projectId: string): Promise<SurveyDefinition[]>;
  /** The surveys a user answered with a verified identity, with the latest answer's time (frequency caps across devices). */
  listAnsweredSurveys(projectId: string, userId: string): Promise<AnsweredSurvey[]>;
  /** Every survey of the project, active or not, by id: what the management API lists. */
  listSurveys(projectId: string): Promise<SurveyDefinition[]>;
  /** Inserts or merges a response and opens its follow-up case, all in one transaction. */
  recordResponse(input: RecordResponseInput): Promise<RecordResult>;
  listResponses(projectId: string, page: PageRequest & { surveyId?: string }): Promise<ListPage<StoredResponse>>;
  /** Stores a feedback once per id and opens its case, in one transaction. */
  recordFeedback(input: RecordFeedbackInput): Promise<RecordFeedbackResult>;
  listFeedback(projectId: string, page: PageRequest & { category?: FeedbackCategory }): Promise<ListPage<StoredFeedback>>;
  /** Cases of both sources (survey responses and feedback), newest first. */
  listFollowUps(projectId: string, page: PageRequest & { status?: FollowUpStatus }): Promise<ListPage<FollowUp>>;
  /** Closes the connection(s); the store is unusable afterwards. */
  destroy(): Promise<void>;
}
