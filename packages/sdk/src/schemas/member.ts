import { z } from 'zod';
import { Timestamp, Uuid } from './ids.js';

/** What a member may do in the console (next issue); cases may be assigned to any member who is not deleted. */
export const MemberRole = z.enum(['admin', 'agent', 'viewer'], { error: 'must be one of admin, agent, viewer' });
export type MemberRole = z.infer<typeof MemberRole>;

const memberFields = {
  name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  email: z.email({ error: 'must be an email address' }).max(254),
  role: MemberRole,
  /** Away (holiday, sick): still assignable by hand, skipped by routing. */
  away: z.boolean({ error: 'must be true or false' }),
};

/** Someone who works cases (`GET /api/v1/members`). */
export const Member = z.object({ id: Uuid, ...memberFields, createdAt: Timestamp, updatedAt: Timestamp });
export type Member = z.infer<typeof Member>;

/** `POST /api/v1/members`: `role` defaults to `agent`, `away` to false. The email is unique in the project. */
export const MemberInput = z.strictObject({ ...memberFields, role: memberFields.role.default('agent'), away: memberFields.away.default(false) });
export type MemberInput = z.infer<typeof MemberInput>;

/** `PATCH /api/v1/members/:id`: the fields to change. */
export const MemberPatch = z
  .strictObject(memberFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'must change at least one of name, email, role, away');
export type MemberPatch = z.infer<typeof MemberPatch>;

export const MemberList = z.object({ data: z.array(Member) });
export type MemberList = z.infer<typeof MemberList>;
