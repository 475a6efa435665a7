import type {
  AnswerValue,
  FollowUp,
  FollowUpPriority,
  FollowUpStatus,
  ResponseContext,
  StoredResponse,
  SurveyDefinition,
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
  trigger: FollowUp['trigger'];
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
  /** Inserts or merges a response and opens its follow-up case, all in one transaction. */
  recordResponse(input: RecordResponseInput): Promise<RecordResult>;
  listResponses(projectId: string, page: PageRequest & { surveyId?: string }): Promise<ListPage<StoredResponse>>;
  listFollowUps(projectId: string, page: PageRequest & { status?: FollowUpStatus }): Promise<ListPage<FollowUp>>;
  /** Closes the connection(s); the store is unusable afterwards. */
  destroy(): Promise<void>;
}
