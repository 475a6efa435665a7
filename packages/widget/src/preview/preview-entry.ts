// Entry of closeloop-preview-<hash>.js, loaded only by closeloop-preview.html, the page the console's survey editor
// shows in an iframe. Never part of closeloop.js: a host page never downloads it.
import { PREVIEW_READY, PreviewMessage, SurveyDefinition } from '@closeloop/sdk/schemas';
import { createPreview } from './render-preview.js';
import { listenForPreview } from './listen-for-preview.js';

const status = document.getElementById('preview-status');
const show = createPreview(document, document.querySelector('[data-closeloop-inline]'));

listenForPreview({
  window,
  parseMessage: (data) => PreviewMessage.safeParse(data),
  parseSurvey: (data) => SurveyDefinition.safeParse(data),
  show,
  report(text) {
    if (status) status.textContent = text;
  },
  scheme(scheme) {
    document.documentElement.dataset.scheme = scheme;
  },
});

if (window.parent !== window) window.parent.postMessage({ type: PREVIEW_READY }, location.origin);
else if (status) status.textContent = 'This page shows the survey the Closeloop console sends it; open a survey in the console.';
