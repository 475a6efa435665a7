// The rule lives once, zod-free, in the sdk: the widget evaluates it too, to decide whether to ask for a contact.
export { followUpReason } from '@closeloop/sdk/logic';
