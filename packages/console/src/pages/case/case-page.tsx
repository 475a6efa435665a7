import { useSignal } from '@preact/signals';
import type { RootCause } from '@closeloop/sdk/schemas';
import { useLocation } from 'preact-iso/router';
import { useEffect, useMemo } from 'preact/hooks';
import { followCaseEvents } from '../../api/events.js';
import { PRIORITY_WORDS, STATUS_WORDS, caseHeadline, customerName } from '../../cases/case-words.js';
import { slaBadge } from '../../cases/sla.js';
import { questionOf, useLookups } from '../../cases/use-lookups.js';
import { consolePath } from '../../paths.js';
import { useServices } from '../../services.js';
import { Badge } from '../../ui/badge.js';
import { ErrorMessage } from '../../ui/error-message.js';
import { useNow } from '../../ui/use-now.js';
import { CaseControls } from './case-controls.js';
import { createCaseModel } from './case-model.js';
import { CloseLoopForm } from './close-loop-form.js';
import { CustomerAnswers } from './customer-answers.js';
import { CustomerContext } from './customer-context.js';
import { NoteForm } from './note-form.js';
import { ResolveForm } from './resolve-form.js';
import { Timeline } from './timeline.js';

/** One case: what the customer said, who they are, what happened, and the work (note, assign, resolve, close the loop). */
export function CasePage({ id }: { id: string }) {
  const services = useServices();
  const { api, session } = services;
  const { query } = useLocation();
  const model = useMemo(() => createCaseModel(api.followUps, id), [api, id]);
  const { lookups } = useLookups(api);
  const rootCauses = useSignal<RootCause[]>([]);
  const now = useNow();
  const canWrite = session.can('cases:write');

  useEffect(() => {
    void model.load();
    // A colleague's change (or the customer seeing the message) shows up without a reload.
    return followCaseEvents((event) => {
      if (event === null || event.caseId === id) void model.load();
    }, services.EventSource);
  }, [model, id]);

  useEffect(() => {
    if (!canWrite) return;
    api.settings.get().then(
      (settings) => (rootCauses.value = settings.rootCauses),
      // Without the list the form still resolves, with no root cause to pick; the field says so.
      () => (rootCauses.value = []),
    );
  }, [api, canWrite]);

  const detail = model.detail.value;
  useEffect(() => {
    if (detail) document.title = `${caseHeadline(detail.case)} · ${customerName(detail.case)} · Closeloop`;
  }, [detail]);

  if (model.loadError.value && !detail) {
    return (
      <section class="page">
        <h1>Case</h1>
        <ErrorMessage message={model.loadError.value} onRetry={() => void model.load()} />
        <p>
          <a href={consolePath('/inbox')}>Back to the inbox</a>
        </p>
      </section>
    );
  }
  if (!detail) return <p role="status">Loading the case…</p>;

  const followUp = detail.case;
  const sla = slaBadge(followUp, now);
  const resolved = followUp.status === 'resolved' || followUp.status === 'closed';
  return (
    <article class="page case-page" aria-labelledby="case-title">
      <p>
        <a href={consolePath('/inbox')}>← Inbox</a>
      </p>
      <header class="case-header">
        <h1 id="case-title">
          {caseHeadline(followUp, questionOf(lookups.value))} · {customerName(followUp)}
        </h1>
        <p class="case-meta">
          <Badge>{STATUS_WORDS[followUp.status]}</Badge>
          <Badge tone={followUp.priority === 'urgent' ? 'danger' : followUp.priority === 'high' ? 'warning' : 'neutral'}>{PRIORITY_WORDS[followUp.priority]} priority</Badge>
          <Badge tone={sla.tone}>{sla.text}</Badge>
        </p>
      </header>
      {model.conflict.value && (
        <p class="error-message" role="alert">
          {model.conflict.value}
        </p>
      )}
      <div class="case-layout">
        <div class="case-main">
          <CustomerAnswers followUp={followUp} lookups={lookups.value} />
          <CustomerContext customer={detail.customer} followUp={followUp} surveys={lookups.value.surveys} />
          <Timeline events={detail.timeline} lookups={lookups.value} surveyId={followUp.source === 'survey' ? followUp.response.surveyId : undefined} />
        </div>
        <div class="case-side">
          <CaseControls followUp={followUp} lookups={lookups.value} model={model} canWrite={canWrite} />
          {canWrite && <NoteForm followUp={followUp} model={model} />}
          {canWrite && !resolved && <ResolveForm followUp={followUp} model={model} rootCauses={rootCauses.value} focusFirst={query.resolve === '1'} />}
          {canWrite && resolved && <CloseLoopForm detail={detail} model={model} />}
          {followUp.resolution && (
            <section class="card" aria-labelledby="resolution-title">
              <h2 id="resolution-title">Resolution</h2>
              <p>{followUp.resolution.summary}</p>
            </section>
          )}
        </div>
      </div>
    </article>
  );
}
