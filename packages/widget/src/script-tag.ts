// Entry of closeloop.js, the script-tag build: the core plus this loader, as one small classic script. The UI
// chunk's hashed file name is written in at build time (scripts/build.mjs), so the two always match.
import { createCloseloop } from '@closeloop/sdk';
import { boot } from './loader/boot.js';
import type { FeedbackModule } from './feedback/start-feedback-button.js';
import type { UiModule } from './loader/lazy-presenter.js';
import type { MessagesModule } from './messages/messages-module.js';

declare const __CLOSELOOP_UI_FILE__: string;
declare const __CLOSELOOP_FEEDBACK_FILE__: string;
declare const __CLOSELOOP_MESSAGES_FILE__: string;

boot({
  window,
  createCloseloop,
  uiFile: __CLOSELOOP_UI_FILE__,
  loadUi: (url) => import(/* @vite-ignore */ url) as Promise<UiModule>,
  feedbackFile: __CLOSELOOP_FEEDBACK_FILE__,
  loadFeedback: (url) => import(/* @vite-ignore */ url) as Promise<FeedbackModule>,
  messagesFile: __CLOSELOOP_MESSAGES_FILE__,
  loadMessages: (url) => import(/* @vite-ignore */ url) as Promise<MessagesModule>,
});
