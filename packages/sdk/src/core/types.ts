import type { AnswerValue, SurveyDefinition } from '../schemas/index.js';

/** Attributes a host app may attach to a visitor with `identify()`. */
export type Attributes = Record<string, string | number | boolean | null>;

/** Properties of a custom event reported with `track()`. */
export type EventProperties = Record<string, string | number | boolean | null>;

/** Maps the host app's custom event names to their properties, so `track()` is checked by the compiler. */
export type EventMap = Record<string, EventProperties | undefined>;

export type TriggerSource = 'exit-intent' | 'dwell' | 'event' | 'manual';

/** What the core tells listeners registered with `on()`. */
export interface LifecycleEvents {
  'survey:shown': { surveyId: string; trigger: TriggerSource };
  'survey:answered': { surveyId: string; responseId: string; questionId: string; value: AnswerValue };
  'survey:completed': { surveyId: string; responseId: string };
  'survey:dismissed': { surveyId: string; responseId: string | null };
}

/**
 * One showing of a survey, handed by the core to the UI. The UI renders and reports; the core owns the
 * response id, delivery and caps, so a UI can never lose or duplicate an answer.
 */
export interface SurveySession {
  readonly survey: SurveyDefinition;
  readonly trigger: TriggerSource;
  /** Record an answer as it is given; it is queued for delivery at once (a partial response). */
  answer(questionId: string, value: AnswerValue): void;
  /** The visitor reached the end: the last answers are sent marked finished. */
  complete(): void;
  /** The visitor closed the survey before the end. */
  dismiss(): void;
}

/**
 * Shows a survey. Given by the widget (or any UI); the core calls it only after triggers, targeting and caps
 * agreed, so UI bytes load only when a survey is about to show.
 */
export type Presenter = (session: SurveySession) => void | Promise<void>;

export interface CloseloopOptions {
  /** The project's public key, `pk_…`. */
  project: string;
  /** Origin of the Closeloop server, e.g. `https://feedback.example.com`. */
  host: string;
  /** Renders surveys; without one, surveys are decided but nothing shows (useful for headless tests). */
  present?: Presenter;
  /** Where ids, caps and the outbox persist; defaults to `window.localStorage` (memory when it is unavailable). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

export interface IdentifyOptions {
  /** Hex HMAC-SHA256(identity secret, userId), computed by the host backend with `@closeloop/sdk/node`. */
  signature?: string;
}

export interface Closeloop<Events extends EventMap = EventMap> {
  identify(userId: string, attributes?: Attributes, options?: IdentifyOptions): void;
  track<Name extends keyof Events & string>(name: Name, properties?: Events[Name]): void;
  on<Name extends keyof LifecycleEvents>(name: Name, handler: (payload: LifecycleEvents[Name]) => void): () => void;
  /** Show a survey now, whatever its triggers (caps still apply to automatic showings only). */
  show(surveyId: string): void;
  /** Forget the identified user and start a new anonymous visitor (call on logout). */
  reset(): void;
  /** Remove every listener and timer; the instance does nothing afterwards. */
  destroy(): void;
  /**
   * Settles (never rejects) once the config was loaded or failed to load: calls made before it have run and
   * triggers are armed. Optional so other implementations of this interface need not provide it.
   */
  readonly ready?: Promise<void>;
}
