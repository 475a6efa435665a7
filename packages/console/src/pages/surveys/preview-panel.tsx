import { useSignal } from '@preact/signals';
import { PREVIEW_MESSAGE, PREVIEW_READY } from '@closeloop/sdk/schemas';
import type { PreviewMessage } from '@closeloop/sdk/schemas';
import { useEffect, useRef } from 'preact/hooks';
import type { Draft } from './survey-draft.js';

/** The widget's preview page, served by the Closeloop server from the widget build (same origin as the console). */
export const PREVIEW_URL = '/closeloop-preview.html';

type Width = 'desktop' | 'mobile';

/**
 * The narrowest page the preview lays out per width: above the widget's phone breakpoint (420 px) the card floats in
 * its corner as on a desktop; 390 px is a phone, where it spans the screen. A frame wider than the stage is scaled
 * down to fit; a desktop frame stays no wider than needed, so the card stays readable in the side panel.
 */
const FRAME_WIDTH: Record<Width, number> = { desktop: 480, mobile: 390 };

type Scheme = 'light' | 'dark';

interface PreviewPanelProps {
  draft: Draft;
  /** The question being edited (`end`: the thank-you), which the preview opens at. */
  step: string | undefined;
  /** The language being edited in the translations, if any: the preview switches to it. */
  locale: string | undefined;
  /** The survey's own language and its translations' tags: the language switch's choices. */
  languages: readonly string[];
}

/**
 * The live preview: the real built widget in an iframe (closeloop-preview.html), sent the draft by postMessage on
 * every change, opened at the question being edited. Desktop or phone width, light or dark, any of the survey's
 * languages. The frame is the same origin as the console, and the preview only listens to its parent, so no other
 * page can show in it or drive it.
 */
export function PreviewPanel({ draft, step, locale, languages }: PreviewPanelProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const width = useSignal<Width>('desktop');
  const scheme = useSignal<Scheme>('light');
  const chosenLocale = useSignal<string | undefined>(undefined);
  const ready = useSignal(false);
  const stage = useRef<HTMLDivElement>(null);
  // The stage's size (surveys.css sets it, shorter on a narrow screen): the frame is laid out and scaled to fill it.
  const stageWidth = useSignal(0);
  const stageHeight = useSignal(544);
  useEffect(() => {
    const element = stage.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      stageWidth.value = entry?.contentRect.width ?? 0;
      stageHeight.value = entry?.contentRect.height || stageHeight.value;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const frameWidth = width.value === 'desktop' ? Math.max(FRAME_WIDTH.desktop, Math.round(stageWidth.value)) : FRAME_WIDTH.mobile;
  const scale = stageWidth.value > 0 ? Math.min(1, stageWidth.value / frameWidth) : 1;
  // Editing a translation shows that language; choosing one in the switch wins until the next translation edit.
  useEffect(() => {
    if (locale !== undefined) chosenLocale.value = locale;
  }, [locale]);
  const shownLocale = chosenLocale.value !== undefined && languages.includes(chosenLocale.value) ? chosenLocale.value : languages[0];

  useEffect(() => {
    function onMessage(event: MessageEvent) {
      if (event.origin !== location.origin || event.source !== frame.current?.contentWindow) return;
      if ((event.data as { type?: unknown } | null)?.type === PREVIEW_READY) ready.value = true;
    }
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  useEffect(() => {
    const target = frame.current?.contentWindow;
    if (!ready.value || !target) return;
    const message: PreviewMessage = { type: PREVIEW_MESSAGE, survey: draft, step, locale: shownLocale, scheme: scheme.value };
    target.postMessage(message, location.origin);
  }, [ready.value, draft, step, shownLocale, scheme.value]);

  return (
    <section class="preview-panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview</h2>
      <div class="preview-controls">
        <Toggle label="Width" value={width.value} choices={[['desktop', 'Desktop'], ['mobile', 'Phone']]} onChange={(next) => (width.value = next)} />
        <Toggle label="Scheme" value={scheme.value} choices={[['light', 'Light'], ['dark', 'Dark']]} onChange={(next) => (scheme.value = next)} />
        {languages.length > 1 && (
          <label class="preview-language">
            Language{' '}
            <select value={shownLocale} onChange={(event) => (chosenLocale.value = event.currentTarget.value)}>
              {languages.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div ref={stage} class={`preview-stage preview-${width.value}`}>
        <iframe
          ref={frame}
          src={PREVIEW_URL}
          title="Survey preview"
          style={{
            width: `${frameWidth}px`,
            height: `${stageHeight.value / scale}px`,
            transform: `scale(${scale})`,
            left: `${Math.max(0, (stageWidth.value - frameWidth * scale) / 2)}px`,
          }}
        />
      </div>
    </section>
  );
}

function Toggle<T extends string>({ label, value, choices, onChange }: { label: string; value: T; choices: [T, string][]; onChange: (value: T) => void }) {
  return (
    <div class="segmented" role="group" aria-label={label}>
      {choices.map(([choice, text]) => (
        <button key={choice} type="button" class="segment" aria-pressed={value === choice} onClick={() => onChange(choice)}>
          {text}
        </button>
      ))}
    </div>
  );
}
