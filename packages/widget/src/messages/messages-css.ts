import { declarations } from '../styles/tokens.js';

/**
 * The message panel's stylesheet, in the messages chunk, adopted into the panel's own shadow root. Its theme
 * tokens are the survey's (styles/tokens.ts), light and dark, so the panel looks like the rest of Closeloop and a
 * host page themes it the same way: `closeloop-messages { --cl-… }`.
 * Dark follows `prefers-color-scheme` unless `data-scheme` on the host fixes one (`data-color-scheme`, or the page's
 * declared scheme), as for the feedback form. Sizes are px so a page's `html { font-size }` cannot reach in; the
 * close button is 44×44 px (WCAG 2.5.5). The host has no box (`display: contents`), as the feedback tab's (tab-css.ts):
 * only the fixed card is laid out. The card sits in the corner where lines end (logical properties mirror it
 * for right-to-left languages) and spans the bottom of a phone-wide screen. The agent's line breaks are kept
 * (`pre-line`); blank lines are paragraphs already.
 */
const tokens = declarations(['accent', 'accent-text', 'bg', 'text', 'muted', 'edge', 'surface', 'focus', 'radius', 'font', 'z', 'width']);
const dark = `${tokens.dark};color-scheme:dark`;

export const messagesCss = `
:host{all:initial!important;display:contents!important;${tokens.light};color-scheme:light}
@media (prefers-color-scheme:dark){:host(:not([data-scheme=light])){${dark}}}
:host([data-scheme=dark]){${dark}}
*,*::before,*::after{box-sizing:border-box}
.card{position:fixed;z-index:var(--cl-z);inset-inline-end:16px;bottom:16px;width:min(var(--cl-width),calc(100vw - 32px));max-height:calc(100vh - 32px);max-height:calc(100dvh - 32px);overflow:auto;overscroll-behavior:contain;padding:20px 20px 18px;border:1px solid var(--cl-edge);border-top:4px solid var(--cl-accent);border-radius:var(--cl-radius);background:var(--cl-bg);color:var(--cl-text);font:400 15px/1.5 var(--cl-font);text-align:start;box-shadow:0 12px 32px rgb(0 0 0/.18),0 2px 6px rgb(0 0 0/.08);animation:cl-in 280ms cubic-bezier(.2,.8,.2,1) both}
@keyframes cl-in{from{opacity:0;transform:translateY(16px)}}
@media (prefers-reduced-motion:reduce){.card{animation:none}}
.close{position:absolute;top:4px;inset-inline-end:4px;display:grid;place-items:center;width:44px;height:44px;padding:0;border:0;border-radius:8px;background:transparent;color:var(--cl-muted);cursor:pointer}
.close:hover{background:var(--cl-surface);color:var(--cl-text)}
.close svg{width:16px;height:16px}
.title{margin:0 0 10px;margin-inline-end:36px;font-size:16px;font-weight:600;line-height:1.35}
.message{margin:0;overflow-wrap:anywhere}
.message+.message{margin-top:14px;padding-top:14px;border-top:1px solid var(--cl-edge)}
p{margin:0;white-space:pre-line}
p+p{margin-top:10px}
:focus-visible{outline:3px solid var(--cl-focus);outline-offset:2px}
:focus:not(:focus-visible){outline:none}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:420px){.card{inset-inline:8px;bottom:8px;width:auto;max-height:calc(100dvh - 16px)}}
`;
