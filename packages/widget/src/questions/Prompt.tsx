import { promptId } from './prompt-id.js';

/** A question's prompt: the heading that names the question's controls and, while it shows, the dialog. */
export function Prompt({ id, prompt }: { id: string; prompt: string }) {
  return (
    <h2 class="prompt" id={promptId(id)}>
      {prompt}
    </h2>
  );
}
