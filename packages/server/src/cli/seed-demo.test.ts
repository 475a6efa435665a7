import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { listMembers } from '../repos/members.js';
import { findProjectSettings } from '../repos/project-settings.js';
import { listTeams } from '../repos/teams.js';
import { openSqliteTestDb } from '../testing/test-dbs.js';
import { DEMO_CUSTOMER_VALUE, DEMO_LOGINS, DEMO_PROJECT, DEMO_SURVEY, DEMO_TEAM, seedDemo } from './seed-demo.js';
import { findProjectBySecretKey } from '../repos/projects.js';
import { findSurvey, listActiveSurveys, upsertSurvey } from '../repos/surveys.js';

describe('seedDemo', () => {
  it('creates the demo project and survey once, and can run again', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const first = await seedDemo(db, new Date());
    const second = await seedDemo(db, new Date());
    expect(second).toEqual(first);
    expect(await findProjectBySecretKey(db.kysely, 'sk_demo')).toEqual(first);
    expect(first.allowedOrigins).toEqual(['*']);
    const [survey] = await listActiveSurveys(db.kysely, first.id);
    expect({ ...survey, followUp: { ...survey!.followUp, routing: undefined } }).toEqual({ ...DEMO_SURVEY, followUp: { ...DEMO_SURVEY.followUp, routing: undefined } });
    expect(DEMO_SURVEY.questions.map((q) => [q.id, q.type])).toEqual([
      ['nps', 'nps'],
      ['comment', 'text'],
      ['contact', 'contact'],
    ]);
    await cleanup();
  });

  it('seeds the two console logins of the banner once: the admin may change settings, the agent only work cases', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    await seedDemo(db, new Date());
    await seedDemo(db, new Date());
    const app = createApp({ db });
    const sessions = [];
    for (const { email, password, role } of DEMO_LOGINS) {
      const res = await app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { user: { role: string }; csrfToken: string };
      expect(body.user.role).toBe(role);
      sessions.push({ cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken });
    }
    const patchSettings = (s: { cookie: string; csrf: string }) =>
      app.request('/api/v1/settings', { method: 'PATCH', headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, 'Content-Type': 'application/json' }, body: JSON.stringify({ customerValue: null }) });
    const [admin, agent] = sessions;
    expect((await patchSettings(agent!)).status).toBe(403);
    expect((await patchSettings(admin!)).status).toBe(200);
    await cleanup();
  });

  it('leaves an edited demo survey as it is on the next run', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const project = await seedDemo(db, new Date());
    const edited = { ...DEMO_SURVEY, name: 'Edited through PUT /api/v1/surveys/nps', triggers: [{ type: 'dwell' as const, seconds: 5 }] };
    await upsertSurvey(db.kysely, project.id, edited, new Date());
    await seedDemo(db, new Date());
    expect(await findSurvey(db.kysely, project.id, 'nps')).toEqual(edited);
    await cleanup();
  });

  it('seeds a team of two with the routing rule and customer value once, so a demo detractor’s case arrives routed', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const project = await seedDemo(db, new Date());
    await seedDemo(db, new Date());
    const teams = await listTeams(db.kysely, project.id);
    expect(teams.map((t) => [t.name, t.memberIds.length])).toEqual([[DEMO_TEAM.name, 2]]);
    expect((await listMembers(db.kysely, project.id)).map((m) => m.email).sort()).toEqual([...DEMO_TEAM.members.map((m) => m.email), ...DEMO_LOGINS.map((l) => l.email)].sort());
    expect((await findProjectSettings(db.kysely, project.id))?.customerValue).toEqual(DEMO_CUSTOMER_VALUE);

    const app = createApp({ db });
    const answer = (path: string) =>
      app.request('/v1/responses', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
        body: JSON.stringify({
          id: randomUUID(),
          project: DEMO_PROJECT.publicKey,
          surveyId: 'nps',
          answers: { nps: 2 },
          respondent: { anonymousId: 'demo-visitor' },
          context: { url: `http://localhost:4000/demo/${path}` },
          answeredAt: new Date().toISOString(),
        }),
      });
    const cases = [];
    for (const path of ['checkout.html', 'cart.html', 'index.html']) {
      const { followUpId } = (await (await answer(path)).json()) as { followUpId: string };
      const res = await app.request(`/api/v1/follow-ups/${followUpId}`, { headers: { Authorization: `Bearer ${DEMO_PROJECT.secretKey}` } });
      cases.push(((await res.json()) as { case: { teamId: string | null; assigneeId: string | null; priority: string } }).case);
    }
    const [team] = teams;
    expect(cases.map((c) => [c.teamId, c.assigneeId, c.priority])).toEqual([
      [team!.id, team!.memberIds[0], 'high'],
      [team!.id, team!.memberIds[1], 'high'],
      [null, team!.memberIds[0], 'high'],
    ]);
    await cleanup();
  });
});
