import type { Generated } from 'kysely';

/**
 * Table shapes as Kysely sees them. JSON columns are text and booleans integers (0/1) on both dialects, so one
 * set of queries and one row parser serve SQLite and PostgreSQL alike; timestamps are ISO 8601 UTC strings,
 * which sort correctly as text.
 */
export interface Database {
  projects: ProjectsTable;
  surveys: SurveysTable;
  responses: ResponsesTable;
  follow_ups: FollowUpsTable;
  feedback: FeedbackTable;
  jobs: JobsTable;
  case_events: CaseEventsTable;
  members: MembersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  integrations: IntegrationsTable;
  messages: MessagesTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
}

export interface ProjectsTable {
  id: string;
  name: string;
  public_key: string;
  secret_key_hash: string;
  identity_secret: string;
  allowed_origins: string;
  created_at: string;
  /** The project's settings as JSON (root causes, …), parsed with the contract's ProjectSettings (0006). */
  settings: Generated<string>;
}

export interface SurveysTable {
  project_id: string;
  id: string;
  definition: string;
  active: number;
  updated_at: string;
}

export interface ResponsesTable {
  id: string;
  project_id: string;
  survey_id: string;
  answers: string;
  finished: number;
  respondent: string;
  /** The respondent's `userId`, copied out of `respondent` so the answered-surveys lookup is indexed (0003). */
  user_id: string | null;
  verified: number;
  /** The respondent's `anonymousId`, copied out so a customer's earlier answers are an index lookup (0006). */
  anonymous_id: Generated<string | null>;
  /** The answer to the survey's first NPS question, copied out so the stats find detractors by column (0010). */
  nps_score: Generated<number | null>;
  context: string;
  answered_at: string;
  received_at: string;
  updated_at: string;
}

export interface FollowUpsTable {
  id: string;
  project_id: string;
  /** Set for a case opened by a survey response, with survey_id and reason; null for a feedback case. */
  response_id: string | null;
  /** Set for a case opened by a feedback submission. */
  feedback_id: string | null;
  survey_id: string | null;
  status: string;
  priority: string;
  /** Who works the case (0004: was owner_id). */
  assignee_id: string | null;
  /** The answer that matched the follow-up rule, JSON (0004: was "trigger"). */
  reason: string | null;
  /** Optimistic-concurrency counter, 1 for a new case (0004). */
  version: Generated<number>;
  due_at: string;
  created_at: string;
  updated_at: string;
  /** The rest from 0006. The team the case belongs to, beside its assignee. */
  team_id: Generated<string | null>;
  /** `priority` as a number that sorts the queue: urgent 0, high 1, normal 2, low 3. */
  priority_rank: Generated<number>;
  escalated_at: Generated<string | null>;
  first_contact_at: Generated<string | null>;
  /** The resolution JSON (kind, summary, root cause, compensation, resolvedAt) while resolved or closed. */
  resolution: Generated<string | null>;
  /** The root cause, copied out of `resolution` for the stats. */
  root_cause: Generated<string | null>;
  /** Lower-cased text the customer wrote (text answers, feedback comment): what `?q=` searches with LIKE. */
  search_text: Generated<string>;
  /** The customer: the verified userId, else null; and the browser's anonymousId. */
  customer_user_id: Generated<string | null>;
  customer_anonymous_id: Generated<string | null>;
  /** The customer's next NPS answer after the case was resolved, and its score: recovery measured (0010). */
  recovery_response_id: Generated<string | null>;
  recovery_score: Generated<number | null>;
}

/** The timeline of a case, append-only: rows are inserted, never updated (a trigger refuses it) (0006). */
export interface CaseEventsTable {
  id: string;
  project_id: string;
  case_id: string;
  /** 1, 2, … per case: the timeline's order, and UNIQUE(case_id, seq) keeps two writers from interleaving. */
  seq: number;
  type: string;
  /** JSON CaseActor. */
  actor: string;
  at: string;
  /** JSON objects of the changed fields, or null. */
  before: string | null;
  after: string | null;
  /** Insertion order across cases (0012): the cursor of `GET /api/v1/events`. Set by the database on PostgreSQL. */
  stream_position: Generated<number>;
}

/** People who work cases (0006). Deleted members are kept (events name them), marked by `deleted_at`. */
export interface MembersTable {
  id: string;
  project_id: string;
  name: string;
  email: string;
  role: string;
  away: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
  /** A console login (0012): `scrypt$N$r$p$salt$hash`, or null for a member who cannot sign in. */
  password_hash: Generated<string | null>;
}

/** Console sessions (0012): only the SHA-256 of the cookie's token is kept. */
export interface SessionsTable {
  token_hash: string;
  member_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** Slides with use, never past created_at + the longest session. */
  expires_at: string;
}

/** Failed console logins of the last minutes (0012), by email and by address: what the login rate limit counts. */
export interface LoginFailuresTable {
  id: string;
  email: string;
  ip: string;
  at: string;
}

export interface TeamsTable {
  id: string;
  project_id: string;
  name: string;
  /** Round-robin: the member who got the team's last routed case; null before the first (0008). */
  last_routed_member_id: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface TeamMembersTable {
  team_id: string;
  member_id: string;
  position: number;
}

export interface FeedbackTable {
  id: string;
  project_id: string;
  category: string;
  comment: string;
  email: string | null;
  respondent: string;
  verified: number;
  context: string;
  sent_at: string;
  received_at: string;
}

export interface JobsTable {
  id: string;
  /** The job definition that runs it (`jobs/definitions`). */
  kind: string;
  /** Deterministic and unique (`case:<id>:opened`): the same job is never queued twice. */
  key: string;
  /** JSON, checked against the definition's payload schema before it runs. */
  payload: string;
  /** `pending` → `running` → `done`, or back to `pending` for a retry, or `failed` once the attempts are spent. */
  status: string;
  /** Claims so far; doubles as the fencing token, so a runner whose lease expired cannot record an outcome. */
  attempts: number;
  max_attempts: number;
  /** When the job may run (next). */
  run_at: string;
  /** While running: when the claim lapses and another runner may take the job over (a runner that died). */
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}


export interface WebhooksTable {
  id: string;
  project_id: string;
  url: string;
  /** JSON array of the subscribed event types (`follow_up.opened`, …). */
  events: string;
  /** The `whsec_…` signing secret, kept to sign; shown to the project once, at registration. */
  secret: string;
  created_at: string;
  /** Set by DELETE: nothing new is sent; the webhook's deliveries stay readable. */
  deleted_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  /** The deliver-webhook job's key (`case:<id>:<event>:webhook:<webhookId>`): which event this attempt carried. */
  job_key: string;
  event_type: string;
  /** The `webhook-id` header: the same on every attempt of one job, so receivers can drop repeats. */
  message_id: string;
  attempt: number;
  /** Null when no HTTP status arrived (refused, unreachable, timed out). */
  status_code: number | null;
  duration_ms: number;
  error: string | null;
  at: string;
}

export interface IntegrationsTable {
  project_id: string;
  /** `slack` today. */
  kind: string;
  /** The integration's incoming-webhook URL (itself a credential). */
  url: string;
  updated_at: string;
}

export interface MessagesTable {
  id: string;
  project_id: string;
  case_id: string;
  /** `email` or `widget`. */
  channel: string;
  body: string;
  /** The verified user a widget message is for; null for email. */
  user_id: string | null;
  /** The address an email message went to; null for widget. */
  recipient: string | null;
  created_at: string;
  /** When the user saw a widget message; null until then. */
  seen_at: string | null;
}
