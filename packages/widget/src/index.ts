export { createPresenter, present } from './ui.js';
export type { PresenterOptions } from './ui.js';
export { HOST_TAG, mount } from './mount.js';
export type { Mounted } from './mount.js';
