export { createCloseloop } from './create-closeloop.js';
export { uuidv7 } from './uuidv7.js';
export type * from './types.js';
