import { signIdentity } from '@closeloop/sdk/node';
import { SecretKeyCreated } from '@closeloop/sdk/schemas';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import type { Db } from '../db/db.js';
import { addLogin, signIn } from '../testing/console-login.js';
import { feedbackSubmission, submission } from '../testing/fixtures.js';
import { captureLog } from '../testing/log-capture.js';
import { post, useTestApp } from '../testing/test-app.js';
import { openSqliteTestDb } from '../testing/test-dbs.js';

/**
 * The promise: the log holds no credential and nothing personal. The server's real logger, at its most verbose,
 * writes to a buffer while requests carry every kind of secret and personal field there is (a secret key, a key
 * created, a console password, a session token and CSRF token, an identity signature, a customer's email and
 * comment); then the buffer is searched for each. Each request still gets its one access line, with its id.
 */
describe('the log holds no secret and no personal field', () => {
  const log = captureLog('trace');
  const t = useTestApp({ logger: log.logger });

  it('sign-in, key-authenticated calls, answers and feedback with an email: none of their values is logged', async () => {
    const EMAIL = 'ana.customer@example.org';
    const COMMENT = 'My order 4411 arrived broken, call me on 555-0199';
    const PASSWORD = 'pw-admin';
    const bearer = { Authorization: `Bearer ${t.shop.secretKey}` };
    const origin = { Origin: 'https://shop.example' };

    // Key-authenticated: a read, and a new key created (its secret is in the reply).
    expect((await t.app.request('/api/v1/follow-ups?status=open', { headers: bearer })).status).toBe(200);
    const created = SecretKeyCreated.parse(await (await post(t.app, '/api/v1/keys', { label: 'CI' }, bearer)).json());
    // A wrong key: a 401 that must not echo it into the log either.
    expect((await t.app.request('/api/v1/follow-ups', { headers: { Authorization: 'Bearer sk_wrong_guess_123' } })).status).toBe(401);

    // Console sign-in, a failed one too, and a request on the session.
    const member = await addLogin(t, 'admin', 'ana.admin@shop.example');
    expect((await post(t.app, '/api/v1/session', { email: member.email, password: 'not-the-password' })).status).toBe(401);
    const session = await signIn(t, member.email, PASSWORD);
    expect((await session.send('GET', '/api/v1/follow-ups')).status).toBe(200);
    const token = session.cookie.split('=')[1]!;

    // A signed-in customer answers with a comment and an email attribute, and sends feedback with an email.
    const signature = signIdentity('shop-identity', 'user-42');
    const answer = submission({
      answers: { nps: 2, comment: COMMENT },
      respondent: { anonymousId: 'anon-9', userId: 'user-42', attributes: { email: EMAIL }, signature },
    });
    expect((await post(t.app, '/v1/responses', answer, origin)).status).toBe(201);
    expect((await post(t.app, '/v1/feedback', feedbackSubmission({ email: EMAIL, comment: COMMENT }), origin)).status).toBe(201);
    // A reply that carries the email back: the people API shows what is stored about the customer.
    const person = await t.app.request('/api/v1/people/user-42/export', { headers: bearer });
    expect(person.status).toBe(200);
    expect(await person.text()).toContain(EMAIL);

    const written = log.text();
    for (const secret of [t.shop.secretKey, created.secret, 'sk_wrong_guess_123', PASSWORD, 'not-the-password', token, session.session.csrfToken, signature, 'shop-identity', EMAIL, member.email, COMMENT, 'user-42', 'status=open']) {
      expect(written, `the log holds ${secret}`).not.toContain(secret);
    }
    // Still: one access line per request, each with its id, the route pattern and the status.
    const lines = log.lines();
    expect(lines.length).toBe(9);
    for (const line of lines) expect(line).toMatchObject({ msg: 'request', requestId: expect.any(String), method: expect.any(String), route: expect.stringMatching(/^\//), status: expect.any(Number), ms: expect.any(Number) });
    expect(lines.map((l) => `${l.method} ${l.route} ${l.status}`)).toContain('GET /api/v1/people/:userId/export 200');
  });
});

describe('a server error is logged with its stack, scrubbed', () => {
  it('an error message quoting an email (a driver quoting the row) reaches the log without it', async () => {
    const { db, cleanup } = await openSqliteTestDb();
    const kysely = Object.assign(Object.create(db.kysely) as Kysely<Database>, {
      getExecutor: () => db.kysely.getExecutor(),
      selectFrom: () => {
        throw Object.assign(new Error('duplicate key: Key (email)=(ana.customer@example.org) already exists'), { detail: 'ana.customer@example.org', code: '23505' });
      },
    });
    const broken: Db = { ...db, kysely };
    const log = captureLog('trace');
    const res = await createApp({ db: broken, logger: log.logger }).request('/v1/config?project=pk_x');
    expect(res.status).toBe(500);
    expect(log.text()).not.toContain('ana.customer@example.org');
    const error = log.lines().find((l) => l['msg'] === 'internal error');
    expect(error).toMatchObject({ err: { type: 'Error', code: '23505', message: 'duplicate key: Key (email)=([email]) already exists', stack: expect.stringContaining('[email]') } });
    await cleanup();
  });
});
