import { ConsoleSession } from '@closeloop/sdk/schemas';
import type { Member, MemberRole } from '@closeloop/sdk/schemas';
import { expect } from 'vitest';
import { hashPassword } from '../console-auth/password.js';
import { insertMember } from '../repos/members.js';
import { NOW } from './fixtures.js';
import type { TestApp } from './test-app.js';

/** A member of the test's shop project with a console login: `<role>@shop.example`, password `pw-<role>`. */
export async function addLogin(t: TestApp, role: MemberRole, email = `${role}@shop.example`): Promise<Member> {
  const member = await insertMember(t.db.kysely, t.shop.project.id, { name: `The ${role}`, email, role, away: false }, NOW, await hashPassword(`pw-${role}`));
  if (member === null) throw new Error(`${email} exists already`);
  return member;
}

export interface SignedIn {
  session: ConsoleSession;
  /** `closeloop_session=<token>`, as the browser sends it back. */
  cookie: string;
  /** A request as the console makes it: the cookie, and the CSRF token on changes. */
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

/** Signs in through `POST /api/v1/session` and returns the cookie to send back. */
export async function signIn(t: TestApp, email: string, password: string): Promise<SignedIn> {
  const res = await t.app.request('/api/v1/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  expect(res.status, await res.clone().text()).toBe(200);
  const session = ConsoleSession.parse(await res.json());
  const cookie = /^(closeloop_session=[^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (cookie === undefined) throw new Error('no session cookie set');
  return {
    session,
    cookie,
    send: async (method, path, body) =>
      await t.app.request(path, {
        method,
        headers: { Cookie: cookie, 'X-CSRF-Token': session.csrfToken, ...(body !== undefined && { 'Content-Type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
  };
}

/** Adds a login of the role and signs it in. */
export async function signInAs(t: TestApp, role: MemberRole): Promise<SignedIn & { member: Member }> {
  const member = await addLogin(t, role);
  return { member, ...(await signIn(t, member.email, `pw-${role}`)) };
}
