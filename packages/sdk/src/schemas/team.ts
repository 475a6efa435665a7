import { z } from 'zod';
import { Timestamp, Uuid } from './ids.js';

const teamFields = {
  name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  /** Members of the project, each once. */
  memberIds: z
    .array(Uuid)
    .max(500)
    .refine((ids) => new Set(ids).size === ids.length, 'must not list a member twice'),
};

/** A group of members that cases are routed to (`GET /api/v1/teams`). */
export const Team = z.object({ id: Uuid, ...teamFields, createdAt: Timestamp, updatedAt: Timestamp });
export type Team = z.infer<typeof Team>;

/** `POST /api/v1/teams`: the name is unique in the project; `memberIds` defaults to none. */
export const TeamInput = z.strictObject({ ...teamFields, memberIds: teamFields.memberIds.default([]) });
export type TeamInput = z.infer<typeof TeamInput>;

/** `PATCH /api/v1/teams/:id`: a new name and/or the whole member list. */
export const TeamPatch = z
  .strictObject(teamFields)
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'must change at least one of name, memberIds');
export type TeamPatch = z.infer<typeof TeamPatch>;

export const TeamList = z.object({ data: z.array(Team) });
export type TeamList = z.infer<typeof TeamList>;
