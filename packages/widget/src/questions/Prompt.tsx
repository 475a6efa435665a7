import { useTextMarks } from '../i18n/text-marks.js';
import { promptId } from './prompt-id.js';

/**
 * A question's prompt: the heading that names the question's controls and, while it shows, the dialog. Marked
 * with its own language when it is not the card's (an untranslated prompt).
 */
export function Prompt({ id, prompt }: { id: string; prompt: string }) {
  const marks = useTextMarks();
  return (
    <h2 class="prompt" id={promptId(id)} {...marks.question(id, 'prompt')}>
      {prompt}
    </h2>
  );
}
