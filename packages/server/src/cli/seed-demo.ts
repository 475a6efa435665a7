import { SurveyDefinition } from '@closeloop/sdk/schemas';
import type { CustomerValue, RoutingRule } from '@closeloop/sdk/schemas';
import { addLogin } from '../console-auth/add-login.js';
import { hashPassword } from '../console-auth/password.js';
import type { Db } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { findLoginByEmail, insertMember, listMembers } from '../repos/members.js';
import { projectSettingsOf, saveProjectSettings } from '../repos/project-settings.js';
import { createProject, findProjectByPublicKey } from '../repos/projects.js';
import type { Project } from '../repos/projects.js';
import { findSurvey, upsertSurvey } from '../repos/surveys.js';
import { insertTeam, listTeams } from '../repos/teams.js';

export const DEMO_PROJECT = {
  name: 'Demo Shop',
  publicKey: 'pk_demo',
  secretKey: 'sk_demo',
  identitySecret: 'demo-identity-secret',
  allowedOrigins: ['*'],
};

export const DEMO_SURVEY = SurveyDefinition.parse({
  id: 'nps',
  name: 'How likely are you to recommend Demo Shop?',
  questions: [
    { id: 'nps', type: 'nps', prompt: 'How likely are you to recommend Demo Shop to a friend or colleague?', required: true },
    { id: 'comment', type: 'text', prompt: 'What is the main reason for your score?' },
    // Shown only to a detractor whose case opens and who has no verified email: the widget passes it over otherwise.
    { id: 'contact', type: 'contact', prompt: 'May we contact you about this?' },
  ],
  triggers: [{ type: 'exit-intent' }, { type: 'dwell', seconds: 20 }],
  thankYou: { title: 'Thank you!', body: 'We read every answer, and when something went wrong we will get back to you.' },
});

/** The support team the demo routes cases to: two members who take turns. */
export const DEMO_TEAM = {
  name: 'Customer care',
  members: [
    { name: 'Alex Support', email: 'alex@demo-shop.example' },
    { name: 'Sam Support', email: 'sam@demo-shop.example' },
  ],
};

/** The demo's console logins, printed in its banner: an admin who may change everything, an agent who works cases. */
export const DEMO_LOGINS = [
  { name: 'Demo Admin', email: 'admin@demo.closeloop.dev', password: 'demo-admin', role: 'admin' },
  { name: 'Demo Agent', email: 'agent@demo.closeloop.dev', password: 'demo-agent', role: 'agent' },
] as const;

/** What a demo customer is worth: a verified `mrr` of 1000 or more makes their case urgent, 100 or more high. */
export const DEMO_CUSTOMER_VALUE: CustomerValue = {
  attribute: 'mrr',
  tiers: [
    { min: 1000, priority: 'urgent' },
    { min: 100, priority: 'high' },
  ],
};

/**
 * The demo's routing: answers from the checkout and the cart go to the team in turn, the rest to its first member,
 * so every demo detractor's case arrives assigned.
 */
function demoRouting(teamId: string, firstMemberId: string): RoutingRule[] {
  const shopping = { match: 'any' as const, rules: ['/checkout', '/cart'].map((value) => ({ op: 'contains' as const, value, on: 'path' as const })) };
  return [
    { if: { url: shopping }, to: { teamId } },
    { if: {}, to: { memberId: firstMemberId } },
  ];
}

/**
 * The demo project, its NPS survey and its support team, each created when missing and left as it is on later runs,
 * so `closeloop demo` can be restarted on the same data without undoing what was changed through the API. The survey
 * is created with the demo's routing rules (a demo database from before routing keeps its survey as it is: PUT the
 * rules, or start afresh); the customer-value tiers are set with the team.
 */
export async function seedDemo(db: Db, now: Date): Promise<Project> {
  const project = (await findProjectByPublicKey(db.kysely, DEMO_PROJECT.publicKey)) ?? (await createProject(db.kysely, DEMO_PROJECT, now));
  await withTransaction(db.kysely, async (trx) => {
    const team = (await listTeams(trx, project.id)).find((t) => t.name === DEMO_TEAM.name) ?? (await createDemoTeam(trx, project.id, now));
    if (await findSurvey(trx, project.id, DEMO_SURVEY.id)) return;
    const [first] = team.memberIds;
    const routing = first === undefined ? [] : demoRouting(team.id, first);
    await upsertSurvey(trx, project.id, { ...DEMO_SURVEY, followUp: { ...DEMO_SURVEY.followUp, routing } }, now);
  });
  await seedDemoLogins(db, project.id, now);
  return project;
}

/** The demo's console logins, each added when its email does not sign in yet (a changed password is left alone). */
async function seedDemoLogins(db: Db, projectId: string, now: Date): Promise<void> {
  const missing: (typeof DEMO_LOGINS)[number][] = [];
  for (const login of DEMO_LOGINS) if ((await findLoginByEmail(db.kysely, login.email)) === null) missing.push(login);
  // Hashed side by side (scrypt runs in libuv's thread pool, ~0.2 s each on a slow day): `closeloop demo` on a new
  // data folder is ready that much sooner.
  const hashed = await Promise.all(missing.map(async (login) => ({ login, passwordHash: await hashPassword(login.password) })));
  for (const { login, passwordHash } of hashed) {
    const result = await addLogin(db, { projectId, email: login.email, name: login.name, role: login.role, passwordHash }, now);
    if (result.outcome === 'email_taken') throw new Error(`demo login ${login.email} could not be created: the email signs in to another project`);
  }
}

/** The team and its two members (reusing members of the same email), and the customer-value tiers that come with it. */
async function createDemoTeam(trx: Parameters<typeof listTeams>[0], projectId: string, now: Date) {
  const existing = await listMembers(trx, projectId);
  const memberIds: string[] = [];
  for (const member of DEMO_TEAM.members) {
    const found = existing.find((m) => m.email === member.email) ?? (await insertMember(trx, projectId, { ...member, role: 'agent', away: false }, now));
    if (found === null) throw new Error(`demo member ${member.email} could not be created`);
    memberIds.push(found.id);
  }
  const saved = await insertTeam(trx, projectId, { name: DEMO_TEAM.name, memberIds }, now);
  if (saved.outcome !== 'saved') throw new Error(`demo team could not be created: ${saved.outcome}`);
  const settings = await projectSettingsOf(trx, projectId);
  if (settings.customerValue === null) await saveProjectSettings(trx, projectId, { ...settings, customerValue: DEMO_CUSTOMER_VALUE });
  return saved.team;
}
