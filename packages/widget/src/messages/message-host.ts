/**
 * The element that hosts the message panel's shadow root. It exists only while the panel is open (on screen or set
 * aside), which is how `surfaceOpen` (the core's `busy`) sees the panel from any chunk.
 */
export const MESSAGES_HOST_TAG = 'closeloop-messages';
