import type { SurveyDefinition } from '../schemas/survey-definition.js';
import { armTriggers } from '../triggers/arm-triggers.js';
import { createOutbox } from '../transport/outbox.js';
import { createCaps } from './caps.js';
import { childController } from './child-controller.js';
import { createEmitter } from './emitter.js';
import { createIdentity } from './identity.js';
import { loadConfig } from './load-config.js';
import { safeStorage } from './safe-storage.js';
import { createSession } from './create-session.js';
import type { Closeloop, CloseloopOptions, EventMap, LifecycleEvents, SurveySession, TriggerSource } from './types.js';
import { warn } from './warn.js';

/**
 * Starts Closeloop on this page: sends answers left over from earlier pages, loads the project's surveys once,
 * arms their triggers, and hands a survey to `options.present` when one fires. Nothing here throws into the host
 * page; problems are reported with one console warning each.
 */
export function createCloseloop<Events extends EventMap = EventMap>(options: CloseloopOptions): Closeloop<Events> {
  const { project, present } = options;
  const host = options.host.replace(/\/+$/, '');
  const lifetime = new AbortController();
  const { signal } = lifetime;
  const storage = safeStorage(options.storage);
  const identity = createIdentity(storage);
  const caps = createCaps(storage);
  const lifecycle = createEmitter<LifecycleEvents>();
  const tracked = new EventTarget();
  const outbox = createOutbox({ url: `${host}/v1/responses`, storage, signal });
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

  void outbox.flush();
  const ready = loadConfig(host, project, signal).then((list) => {
    if (signal.aborted) return;
    surveys = list;
    for (const survey of list) {
      if (caps.isDone(survey.id) || !survey.triggers.length) continue;
      const controller = childController(signal);
      disarm.set(survey.id, controller);
      armTriggers(survey.triggers, {
        signal: controller.signal,
        events: tracked,
        fire: (source) => {
          if (caps.canAutoShow(survey.id)) open(survey, source);
        },
      });
    }
    for (const call of waiting) call();
    waiting = [];
  });

  return {
    ready,
    identify(userId, attributes, identifyOptions) {
      if (!signal.aborted) identity.identify(userId, attributes, identifyOptions?.signature);
    },
    track(name) {
      whenReady(() => tracked.dispatchEvent(new Event(name)));
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
    destroy() {
      lifetime.abort();
      lifecycle.clear();
      waiting = [];
    },
  };
}
