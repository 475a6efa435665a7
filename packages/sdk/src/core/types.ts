import type { AnswerValue, FeedbackCategory, SurveyDefinition } from '../schemas/index.js';
import type { TriggerType } from '../schemas/trigger.js';
import type { EarlyExits } from '../triggers/early-exits.js';

/** Attributes a host app may attach to a visitor with `identify()`. */
export type Attributes = Record<string, string | number | boolean | null>;

/** Properties of a custom event reported with `track()`. */
export type EventProperties = Record<string, string | number | boolean | null>;

/** Maps the host app's custom event names to their properties, so `track()` is checked by the compiler. */
export type EventMap = Record<string, EventProperties | undefined>;

/** What showed a survey: one of its triggers, or `show(id)`. */
export type TriggerSource = TriggerType | 'manual';

/** What the core tells listeners registered with `on()`. */
export interface LifecycleEvents {
  'survey:shown': { surveyId: string; trigger: TriggerSource };
  'survey:answered': { surveyId: string; responseId: string; questionId: string; value: AnswerValue };
  'survey:completed': { surveyId: string; responseId: string };
  'survey:dismissed': { surveyId: string; responseId: string | null };
  /** The server opened a follow-up case for this response (say, an NPS of 6 or less): support will reach out. */
  'followup:opened': { surveyId: string; responseId: string; followUpId: string };
}

/**
 * One showing of a survey, handed by the core to the UI. The UI renders and reports; the core owns the
 * response id, delivery and caps, so a UI can never lose or duplicate an answer.
 */
export interface SurveySession {
  readonly survey: SurveyDefinition;
  readonly trigger: TriggerSource;
  /** The visitor's `identify` attributes when the survey showed: the UI reads `locale`/`language` from them. */
  readonly attributes?: Readonly<Attributes> | undefined;
  /**
   * The identity's signature (hex HMAC-SHA256 of the userId) when `identify()` was given one when the survey showed.
   * With an `email` attribute it means support can reach the visitor already (the server verifies it), so the widget
   * passes over a survey's contact step.
   */
  readonly signature?: string | undefined;
  /** Record an answer as it is given; it is queued for delivery at once (a partial response). */
  answer(questionId: string, value: AnswerValue): void;
  /** The visitor reached the end: the last answers are sent marked finished. */
  complete(): void;
  /** The visitor closed the survey before the end: what they answered is sent once more, marked closed. */
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
  /**
   * Whether another surface of the page's Closeloop is open (the widget's feedback form: `feedbackOpen` from
   * `@closeloop/widget`; the script tag wires it itself). While it returns true, a survey whose trigger fires is
   * not shown and not counted as shown (`show(id)` still shows). Called at each firing; it must not throw.
   */
  busy?: () => boolean;
  /**
   * Called when the visitor has a signed identity: at start (an `identify()` with a signature made before the config
   * request, or one kept from an earlier page view) and after each `identify()` with a new signature. The widget
   * gives its message panel here (`showMessages` from `@closeloop/widget`; the script tag wires it itself), so the
   * messages that close the loop load for signed visitors only. It must not throw.
   */
  signed?: (visitor: SignedVisitor) => void;
  /**
   * Called when a survey may show soon: the pointer heads for the top of the window (exit intent), or a trigger fired
   * with a delay; and first thing when one shows with no warning (`show()`, a trigger without delay), before
   * `present`. The script tag fetches its survey UI here, so the survey appears without waiting for the download, or
   * waits for less of it. May be called many times; it must not throw.
   */
  prepare?: () => void;
  /**
   * Exits seen since the page started watching (`watchEarlyExits`), for a core started later than the page (the
   * script tag starts it in idle time): an exit-intent trigger counts the last one once armed.
   */
  exits?: EarlyExits;
  /** Where ids, caps and the outbox persist; defaults to `window.localStorage` (memory when it is unavailable). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** A visitor whose identity the host backend signed, and the project they visit: what reads their messages. */
export interface SignedVisitor {
  project: string;
  /** The Closeloop server's origin, without a trailing slash. */
  host: string;
  userId: string;
  /** Hex HMAC-SHA256(identity secret, userId). */
  signature: string;
  /** The attributes given to `identify()`: the panel reads the visitor's `locale`/`language` there. */
  attributes?: Readonly<Attributes> | undefined;
  /** The device's anonymous id; the core passes it along, the message panel has no use for it. */
  anonymousId?: string;
}

export interface IdentifyOptions {
  /** Hex HMAC-SHA256(identity secret, userId), computed by the host backend with `@closeloop/sdk/node`. */
  signature?: string;
}

/** What `feedback()` takes: what the feedback button's form asks. */
export interface FeedbackInput {
  category: FeedbackCategory;
  /** 1–2000 characters after trimming. */
  comment: string;
  /** So an anonymous visitor can be answered; left off for identified users, who are reached through their account. */
  email?: string;
}

export interface Closeloop<Events extends EventMap = EventMap> {
  identify(userId: string, attributes?: Attributes, options?: IdentifyOptions): void;
  /** Properties are required when the event map declares them, optional when it allows `undefined`. */
  track<Name extends keyof Events & string>(name: Name, ...properties: undefined extends Events[Name] ? [properties?: Events[Name]] : [properties: Events[Name]]): void;
  on<Name extends keyof LifecycleEvents>(name: Name, handler: (payload: LifecycleEvents[Name]) => void): () => void;
  /** Show a survey now, whatever its triggers (caps still apply to automatic showings only). */
  show(surveyId: string): void;
  /** Forget the identified user and start a new anonymous visitor (call on logout). */
  reset(): void;
  /**
   * Send feedback (the feedback button's form calls it) through the same durable delivery as answers. Returns
   * whether it was queued: false, with a console warning naming the field, for an empty or overlong comment, an
   * unknown category or a malformed email.
   */
  feedback(input: FeedbackInput): boolean;
  /** Whether `identify()` named the visitor: the feedback form asks anonymous visitors for an email. */
  readonly identified?: boolean;
  /** The attributes given to `identify()`, as kept: the feedback form reads the visitor's `locale`/`language` there. */
  readonly attributes?: Readonly<Attributes> | undefined;
  /** Remove every listener and timer; the instance does nothing afterwards. */
  destroy(): void;
  /**
   * Settles (never rejects) once the config was loaded or failed to load: calls made before it have run and
   * triggers are armed. Optional so other implementations of this interface need not provide it.
   */
  readonly ready?: Promise<void>;
}
