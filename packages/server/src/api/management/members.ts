import { Hono } from 'hono';
import { MemberInput, MemberPatch, Uuid } from '@closeloop/sdk/schemas';
import type { MemberList } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import { HttpError } from '../../http/http-error.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { deleteMember, insertMember, listMembers, updateMember } from '../../repos/members.js';
import type { ManagementApiOptions } from './options.js';

const MemberPath = z.object({ id: Uuid });

const memberNotFound = () => HttpError.field(404, 'member_not_found', 'id', 'the project has no such member');
// Also when a member with a console login elsewhere on this server has it: one email signs in to one project.
const emailTaken = () => HttpError.field(409, 'member_exists', 'email', 'another member of the project, or a console login on this server, has this email');

/** `/api/v1/members`: the people who work cases (console logins for them come next). */
export function membersApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /** `GET /api/v1/members`: the project's members, by name (deleted ones are not listed). */
      .get('/', requirePermission('members:read'), async (c) => {
        const body: MemberList = { data: await listMembers(db.kysely, c.get('principal').project.id) };
        return c.json(body);
      })

      /** `POST /api/v1/members`: adds a member; 409 naming `email` when a member has it already. */
      .post('/', requirePermission('members:write'), async (c) => {
        const input = parseOrThrow(MemberInput, await readJsonBody(c), 'member');
        const member = await insertMember(db.kysely, c.get('principal').project.id, input, now());
        if (member === null) throw emailTaken();
        return c.json(member, 201);
      })

      /** `PATCH /api/v1/members/:id`: changes name, email, role or `away`. */
      .patch('/:id', requirePermission('members:write'), async (c) => {
        const { id } = parseOrThrow(MemberPath, c.req.param(), 'path');
        const patch = parseOrThrow(MemberPatch, await readJsonBody(c), 'member');
        const result = await updateMember(db.kysely, c.get('principal').project.id, id, patch, now());
        if (result.outcome === 'not_found') throw memberNotFound();
        if (result.outcome === 'email_taken') throw emailTaken();
        return c.json(result.member);
      })

      /**
       * `DELETE /api/v1/members/:id`: the member leaves the list and their teams and can no longer be assigned. Cases
       * and timeline events keep naming them, so the record is kept.
       */
      .delete('/:id', requirePermission('members:write'), async (c) => {
        const { id } = parseOrThrow(MemberPath, c.req.param(), 'path');
        const member = await deleteMember(db.kysely, c.get('principal').project.id, id, now());
        if (member === null) throw memberNotFound();
        return c.json(member);
      })
  );
}
