// Entry of closeloop.js, the script-tag build: the core plus this loader, as one small classic script. The UI
// chunk's hashed file name is written in at build time (scripts/build.mjs), so the two always match.
import { createCloseloop } from '@closeloop/sdk';
import { boot } from './loader/boot.js';

declare const __CLOSELOOP_UI_FILE__: string;
declare const __CLOSELOOP_FEEDBACK_FILE__: string;
declare const __CLOSELOOP_MESSAGES_FILE__: string;

boot({
  window,
  createCloseloop,
  uiFile: __CLOSELOOP_UI_FILE__,
  feedbackFile: __CLOSELOOP_FEEDBACK_FILE__,
  messagesFile: __CLOSELOOP_MESSAGES_FILE__,
  load: (url) => import(/* @vite-ignore */ url),
});
