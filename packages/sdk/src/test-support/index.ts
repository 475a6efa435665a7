// `@closeloop/sdk/testing`: the helpers the sdk's own tests use, for the tests of packages built on it (the
// widget's), taken through this export rather than a path into the sdk's source. For vitest in a DOM (happy-dom):
// `holdBackFetchFailures` spies with `vi`, `startLocalServer` needs Node, `setVisibility` a document. Tests
// compiled without DOM types take the DOM-free ones from `@closeloop/sdk/testing/node`.
export { surveyFollowUp } from './follow-up.js';
export { holdBackFetchFailures } from './hold-back-fetch-failures.js';
export { startLocalServer } from './local-server.js';
export type { Handler, LocalServer, Received, Reply } from './local-server.js';
export { memoryStorage } from './memory-storage.js';
export { survey } from './survey.js';
export { restoreVisibility, setVisibility } from './visibility.js';
