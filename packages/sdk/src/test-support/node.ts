// `@closeloop/sdk/testing/node`: the helpers that need no DOM, for tests compiled without DOM types (the
// server's), as `@closeloop/sdk/node` stands beside `@closeloop/sdk`. `@closeloop/sdk/testing` has these too.
export { surveyFollowUp } from './follow-up.js';
export { startLocalServer } from './local-server.js';
export type { Handler, LocalServer, Received, Reply } from './local-server.js';
export { survey } from './survey.js';
