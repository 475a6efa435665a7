// Entry of the messages chunk (closeloop-messages-<hash>.js): the panel that shows a signed visitor the messages
// closing the loop. closeloop.js imports it only when the core has a signed identity, so anonymous visitors never
// download it.
export { showMessages } from './show-messages.js';
export type { MessagesOptions } from './show-messages.js';
