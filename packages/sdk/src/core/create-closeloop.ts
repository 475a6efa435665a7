import type { SurveyDefinition } from '../schemas/survey-definition.js';
import type { TriggerType } from '../schemas/trigger.js';
import { isTargeted } from '../targeting/is-targeted.js';
import { createCaps } from '../targeting/frequency-caps.js';
import { armTriggers } from '../triggers/arm-triggers.js';
import { ROUTE_EVENT, watchRoutes } from '../triggers/watch-routes.js';
import { createOutbox } from '../transport/outbox.js';
import { childController } from './child-controller.js';
import { createEmitter } from './emitter.js';
import { createIdentity } from './identity.js';
import { loadConfig } from './load-config.js';
import { safeStorage } from './safe-storage.js';
import { sendFeedback } from './send-feedback.js';
import { createSession } from './create-session.js';
import type { Closeloop, CloseloopOptions, EventMap, LifecycleEvents, SignedVisitor, SurveySession, TriggerSource } from './types.js';
import { createVisitCounter } from './visit-counter.js';
import { currentVisitor } from './visitor.js';
import { warn } from './warn.js';

/**
 * Starts Closeloop on this page: sends answers left over from earlier pages, loads the project's surveys once,
 * arms their triggers, and hands a survey to `options.present` when one fires and its targeting and frequency
 * caps agree (all decided here, before any UI code loads). Nothing here throws into the host page; problems are
 * reported with one console warning each.
 */
export function createCloseloop<Events extends EventMap = EventMap>(options: CloseloopOptions): Closeloop<Events> {
  const { project, present, busy, signed, prepare, exits } = options;
  const host = options.host.replace(/\/+$/, '');
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const storage = safeStorage(options.storage);
  const identity = createIdentity(storage);
  const caps = createCaps(storage);
  const lifecycle = createEmitter<LifecycleEvents>();
  const tracked = new EventTarget();
  const routes = new EventTarget();
  const visits = createVisitCounter(storage);
  const followed = new Set<string>();
  const outbox = createOutbox({
    host,
    storage,
    signal,
    onFollowUp(entry, followUpId) {
      // Every later step of the response names the same case: tell the host app once.
      if (!('surveyId' in entry) || followed.has(entry.id)) return;
      followed.add(entry.id);
      lifecycle.emit('followup:opened', { surveyId: entry.surveyId, responseId: entry.id, followUpId });
    },
  });
  const feedback = sendFeedback({ project, respondent: identity.respondent, deliver: outbox.put });
  const disarm = new Map<string, AbortController>();
  let surveys: SurveyDefinition[] | undefined;
  let waiting: Array<() => void> = [];
  let current: SurveySession | undefined;

  // Calls that need the surveys wait for the config, in the order they were made.
  const whenReady = (call: () => void) => {
    if (signal.aborted) return;
    if (surveys) call();
    else waiting.push(call);
  };

  function open(survey: SurveyDefinition, trigger: TriggerSource): void {
    if (current) {
      if (trigger === 'manual') warn(`show("${survey.id}") ignored: another survey is on screen`);
      return;
    }
    // The UI's download starts first: what follows (the caps stored, the host app's `survey:shown` handlers, the
    // session) then runs while it comes, instead of before it is asked for.
    if (present) prepare?.();
    caps.markShown(survey.id);
    disarm.get(survey.id)?.abort();
    lifecycle.emit('survey:shown', { surveyId: survey.id, trigger });
    if (!present) return;
    const session: SurveySession = createSession({
      project,
      survey,
      trigger,
      signal,
      respondent: identity.respondent,
      deliver: outbox.put,
      emit: lifecycle.emit,
      end: () => {
        caps.markDone(survey.id);
        if (current === session) current = undefined;
      },
    });
    current = session;
    const failed = (error: unknown) => {
      warn(`could not present survey "${survey.id}": ${String(error)}`);
      if (current === session) current = undefined;
    };
    try {
      Promise.resolve(present(session)).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  /**
   * A trigger fired: show the survey if nothing else of ours is on screen and the visitor is targeted and the caps
   * allow it, all checked now (after any delay). A firing while another surface is open (`busy`: the feedback form)
   * is dropped, not queued: the survey is not counted as shown, so it is asked again on a later page view (or at
   * its triggers' next firing), and never pops up the moment the visitor has finished writing to us, nor at some
   * later moment nobody can predict. It also keeps the core free of a waiting list.
   */
  function attempt(survey: SurveyDefinition, source: TriggerType): void {
    if (!current && !busy?.() && caps.allows(survey) && isTargeted(survey.targeting, survey.id, currentVisitor(identity.respondent()))) open(survey, source);
  }

  function arm(survey: SurveyDefinition): void {
    if (!caps.allows(survey)) return;
    const controller = childController(signal);
    disarm.set(survey.id, controller);
    armTriggers(survey.triggers, {
      signal: controller.signal,
      events: tracked,
      routes,
      counts: visits.counts,
      prepare,
      exits,
      fire(source, delaySeconds) {
        if (!delaySeconds) return attempt(survey, source);
        prepare?.();
        const timer = setTimeout(() => attempt(survey, source), delaySeconds * 1000);
        controller.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      },
    });
  }

  // Each page load and each single-page-app route is a page view; counted before any trigger checks the count.
  visits.count(Date.now());
  routes.addEventListener(ROUTE_EVENT, () => visits.count(Date.now()), { signal });
  watchRoutes(routes, signal);
  void outbox.flush();
  // The identity signature the config was last asked with; `false` until the first request has gone out.
  let askedWith: string | undefined | false = false;
  // Asked at start and again for each new signature: the two moments a signed visitor may have messages waiting
  // too, so `signed` hangs on the same spot and costs the core one call.
  const askConfig = () => {
    const user = identity.user();
    askedWith = user?.signature;
    // A signature comes only with a userId (identity.ts), so the spread is a SignedVisitor.
    if (askedWith) signed?.({ project, host, ...user } as SignedVisitor);
    return loadConfig(host, project, signal, user);
  };
  // One microtask later, so an `identify()` made right after creating the core (the script tag replays its queue
  // then) is sent along and the reply can tell what this user answered on other devices.
  const ready = Promise.resolve()
    .then(askConfig)
    .then(({ surveys: list, answered }) => {
      if (signal.aborted) return;
      caps.sync(answered);
      surveys = list;
      list.forEach(arm);
      for (const call of waiting) call();
      waiting = [];
    });

  return {
    ready,
    identify(userId, attributes, identifyOptions) {
      if (signal.aborted) return;
      identity.identify(userId, attributes, identifyOptions?.signature);
      // Signed after the config was asked for (a login on this page): ask again with the user, so what they answered
      // on another device holds here too. The surveys are armed already, and every trigger re-checks the caps.
      // The config route rather than an endpoint of its own: no extra core code, and the same signature check.
      const signature = identity.user()?.signature;
      if (askedWith !== false && signature && signature !== askedWith) void askConfig().then(({ answered }) => caps.sync(answered));
    },
    track(name, ...[properties]) {
      whenReady(() => tracked.dispatchEvent(new CustomEvent(name, { detail: properties })));
    },
    on(name, handler) {
      return signal.aborted ? () => {} : lifecycle.on(name, handler);
    },
    show(surveyId) {
      whenReady(() => {
        const survey = surveys?.find((s) => s.id === surveyId);
        if (survey) open(survey, 'manual');
        else warn(`show("${surveyId}"): no active survey with this id`);
      });
    },
    reset() {
      if (!signal.aborted) identity.reset();
    },
    feedback(input) {
      return !signal.aborted && feedback(input);
    },
    get identified() {
      return identity.user() !== undefined;
    },
    get attributes() {
      return identity.user()?.attributes;
    },
    destroy() {
      lifetime.abort();
      lifecycle.clear();
      waiting = [];
    },
  };
}
