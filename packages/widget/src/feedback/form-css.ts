import { DARK, TAB_TOKENS, declarations } from '../styles/tokens.js';

/**
 * The feedback form's stylesheet, in the feedback chunk: added to the tab's shadow root on first open. The tab's
 * sheet already declares its tokens; this one adds the card's, so the form looks like the survey and the host page
 * overrides both the same way. Sizes are px so a page's `html { font-size }` cannot reach in.
 *
 * Colour scheme as for the survey: dark follows `prefers-color-scheme` unless `data-scheme` on the host fixes one
 * (from `data-color-scheme`, or the page's declared scheme); a fixed scheme also sets the tab's colours, which closeloop.js's small tab sheet
 * leaves to the media query. Logical properties (`inset-inline-end`, `margin-inline-end`, `text-align: start`)
 * mirror the card for right-to-left languages (`dir="rtl"`); where the card sits stays beside the tab.
 *
 * On a phone the card spans the bottom of the screen and the edge tab, which would peek out over its top corner,
 * steps aside while it is open (not while it is set aside under a survey).
 *
 * Every control is at least 44 px tall, the size a finger hits (WCAG 2.5.5), on a phone and on a desktop alike.
 *
 * Height: beside an edge tab the card is centred on the tab's middle (the window's) and may be as tall as the
 * window less 16 px above and below, so it grows both ways and uses the whole height before it scrolls; in a
 * corner it grows up from the bottom. `dvh` (after a `vh` fallback) is the height a phone really shows. When the
 * form is taller than that (320×480 with an error) the card scrolls inside itself, Send included, and
 * `overscroll-behavior` keeps that scroll from moving the page behind it.
 */
const card = declarations(['bg', 'text', 'muted', 'border', 'edge', 'surface', 'radius', 'width', 'fault']);
// A fixed scheme overrides the tab's media query, for the tab's tokens that differ in the dark.
const tab = declarations(TAB_TOKENS.filter((name) => DARK[name] !== undefined));
const dark = `${card.dark};color-scheme:dark`;

export const formCss = `
:host{${card.light};color-scheme:light}
@media (prefers-color-scheme:dark){:host(:not([data-scheme=light])){${dark}}}
:host([data-scheme=light]){${tab.light};color-scheme:light}
:host([data-scheme=dark]){${dark};${tab.dark}}
*,*::before,*::after{box-sizing:border-box}
.card{position:fixed;z-index:var(--cl-z);bottom:16px;width:min(var(--cl-width),calc(100vw - 32px));max-height:calc(100vh - 32px);max-height:calc(100dvh - 32px);overflow:auto;overscroll-behavior:contain;padding:20px 20px 18px;border:1px solid var(--cl-edge);border-radius:var(--cl-radius);background:var(--cl-bg);color:var(--cl-text);font:400 15px/1.45 var(--cl-font);text-align:start;box-shadow:0 12px 32px rgb(0 0 0/.18),0 2px 6px rgb(0 0 0/.08)}
.card.right,.card.bottom-right{right:16px}
.card.left,.card.bottom-left{left:16px}
.card.right,.card.left{top:50%;bottom:auto;transform:translateY(-50%)}
.card.right{right:52px}
.card.left{left:52px}
.close{position:absolute;top:4px;inset-inline-end:4px;display:grid;place-items:center;width:44px;height:44px;padding:0;border:0;border-radius:8px;background:transparent;color:var(--cl-muted);cursor:pointer}
.close:hover{background:var(--cl-surface);color:var(--cl-text)}
.close svg{width:16px;height:16px}
.title{margin:0 0 12px;margin-inline-end:36px;font-size:16px;font-weight:600;line-height:1.35}
fieldset{margin:0 0 12px;padding:0;border:0;min-width:0}
legend{padding:0}
.label{display:block;margin:0 0 6px;color:var(--cl-text);font-size:14px;font-weight:600}
.cats{display:grid;grid-template-columns:repeat(4,1fr);gap:6px}
.cat{position:relative;display:block}
.cat input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}
.cat span{display:grid;place-items:center;height:44px;border:1px solid var(--cl-border);border-radius:8px;background:var(--cl-bg);color:var(--cl-text);font:600 13px/1 var(--cl-font)}
.cat input:hover+span{background:var(--cl-surface);border-color:var(--cl-accent)}
.cat input:checked+span{background:var(--cl-accent);border-color:var(--cl-accent);color:var(--cl-accent-text)}
.cat input:focus-visible+span{outline:3px solid var(--cl-focus);outline-offset:2px}
.field{display:block;width:100%;margin:0;padding:10px 12px;border:1px solid var(--cl-border);border-radius:calc(var(--cl-radius)*.6);background:var(--cl-bg);color:var(--cl-text);font:400 15px/1.45 var(--cl-font)}
textarea.field{min-height:96px;resize:vertical}
.field[aria-invalid=true]{border-color:var(--cl-fault)}
.meta{margin:4px 0 10px;color:var(--cl-muted);font-size:13px;text-align:end;font-variant-numeric:tabular-nums}
.error{margin:8px 0 0;color:var(--cl-text);font-size:14px;font-weight:600}
.error:empty{display:none}
.error::before{content:"! ";color:#dc2626}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:14px}
.button{min-height:44px;padding:0 16px;border:1px solid transparent;border-radius:8px;background:var(--cl-accent);color:var(--cl-accent-text);font:600 14px/1 var(--cl-font);cursor:pointer}
.thanks{margin:4px 0 6px;margin-inline-end:36px;font-size:17px;font-weight:700}
.body{margin:0;color:var(--cl-muted)}
:focus-visible{outline:3px solid var(--cl-focus);outline-offset:2px}
:focus:not(:focus-visible){outline:none}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:420px){.tab:has(~.card:not([hidden])){display:none}.card.right,.card.left,.card.bottom-right,.card.bottom-left{top:auto;bottom:8px;left:8px;right:8px;width:auto;transform:none;max-height:calc(100vh - 16px);max-height:calc(100dvh - 16px)}}
`;
