import type { SignedVisitor } from '@closeloop/sdk';
import { report } from '../loader/report.js';
import type { MessagesOptions } from './show-messages.js';

/**
 * The message panel for apps that use the npm packages: give the result to the core's `signed` option, and a
 * visitor with a signed identity sees the messages that close the loop with them (what closeloop.js does on its
 * own). The panel is a separate chunk of your bundle, loaded for signed visitors only.
 */
export function messages(options: MessagesOptions = {}): (visitor: SignedVisitor) => void {
  return (visitor) => {
    import('./messages-chunk.js').then(
      ({ showMessages }) => showMessages(visitor, options),
      (error: unknown) => report('error', 'could not load the messages:', error),
    );
  };
}
