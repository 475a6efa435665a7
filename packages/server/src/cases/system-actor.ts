import type { CaseActor } from '@closeloop/sdk/schemas';

/** The server itself as a case's actor: the follow-up rule that opened the case, later the SLA clock. */
export const SYSTEM_ACTOR: CaseActor = { kind: 'system' };
