import type { SignedVisitor } from '@closeloop/sdk';

/** What the messages chunk exports, as closeloop.js calls it (a type only: the loader imports no panel code). */
export interface MessagesModule {
  showMessages(visitor: SignedVisitor): unknown;
}
