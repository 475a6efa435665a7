import { Hono } from 'hono';
import { CaseNote, CasePatch, CaseResolution, CloseLoopRequest, FollowUpListQuery, Timestamp, Uuid } from '@closeloop/sdk/schemas';
import type { FollowUp, FollowUpList } from '@closeloop/sdk/schemas';
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../app-env.js';
import { addNote } from '../../cases/add-note.js';
import { closeLoop } from '../../cases/close-loop.js';
import type { CaseChangeResult } from '../../cases/case-change-result.js';
import { getCaseDetail } from '../../cases/get-case-detail.js';
import { resolveCase } from '../../cases/resolve-case.js';
import { updateCase } from '../../cases/update-case.js';
import { caseFilters } from '../../http/case-filters.js';
import { caseRefusal } from '../../http/case-refusal.js';
import { closeLoopRefusal } from '../../http/close-loop-refusal.js';
import { expectedVersion } from '../../http/expected-version.js';
import { HttpError } from '../../http/http-error.js';
import { encodePosition, positionFromQuery } from '../../http/page-cursor.js';
import { actorOf } from '../../http/principal.js';
import { readJsonBody } from '../../http/read-json-body.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { countCasesByStatus, listCases } from '../../repos/cases.js';
import type { ManagementApiOptions } from './options.js';

const CasePath = z.object({ id: Uuid });

/** A queue position inside `?cursor=`: priority rank, due time, id. */
const QueueCursor = z.tuple([z.number().int().min(0).max(3), Timestamp, Uuid]);

/** The reply to a change: the case as it now is, its version as the ETag (the next change's `If-Match`). */
function changed(c: Context<AppEnv>, result: CaseChangeResult, status: 200 | 201 = 200) {
  if (result.outcome !== 'changed') throw caseRefusal(result);
  const body: FollowUp = result.followUp;
  return c.json(body, status, { ETag: `"${body.version}"` });
}

/** `/api/v1/follow-ups`: the case queue, each case's detail and timeline, and the changes support staff make. */
export function followUpsApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  return (
    new Hono<AppEnv>()
      /**
       * `GET /api/v1/follow-ups`: the queue, most urgent first then soonest due, narrowed by the filters, with the
       * counts per status for the same filters (bar `status`) for the queue's tabs.
       */
      .get('/', requirePermission('cases:read'), async (c) => {
        const query = parseOrThrow(FollowUpListQuery, c.req.query(), 'query');
        const projectId = c.get('principal').project.id;
        const filters = await caseFilters(db, c.get('principal'), query, now());
        // A search (`q`) scans the cases' text, and the counts every case the filters match: both read on db.reads.
        const page = await listCases(db.reads, projectId, { ...filters, limit: query.limit, after: positionFromQuery(query.cursor, QueueCursor) });
        const body: FollowUpList = {
          data: page.data,
          nextCursor: page.next && encodePosition(page.next),
          counts: await countCasesByStatus(db.reads, projectId, filters),
        };
        return c.json(body);
      })

      /** `GET /api/v1/follow-ups/:id`: the case, its customer's context and its timeline; the ETag is its version. */
      .get('/:id', requirePermission('cases:read'), async (c) => {
        const { id } = parseOrThrow(CasePath, c.req.param(), 'path');
        const detail = await getCaseDetail(db.kysely, c.get('principal').project.id, id);
        if (detail === null) throw caseRefusal({ outcome: 'not_found' });
        return c.json(detail, 200, { ETag: `"${detail.case.version}"` });
      })

      /**
       * `PATCH /api/v1/follow-ups/:id`: status, assignee, team, priority, due time. The version it was made against
       * is required (body `version` or `If-Match`): without one, 428 naming `version`, since a blind write could undo
       * a colleague's change unseen.
       */
      .patch('/:id', requirePermission('cases:write'), async (c) => {
        const { id } = parseOrThrow(CasePath, c.req.param(), 'path');
        const { version: bodyVersion, ...patch } = parseOrThrow(CasePatch, await readJsonBody(c), 'change');
        const version = expectedVersion(c, bodyVersion);
        if (version === undefined) throw HttpError.field(428, 'version_required', 'version', 'send the version the change was made against, in the body or as If-Match: "<version>"');
        const principal = c.get('principal');
        return changed(c, await updateCase(db.kysely, { projectId: principal.project.id, caseId: id, patch, version, actor: actorOf(principal), now: now() }));
      })

      /** `POST /api/v1/follow-ups/:id/notes`: a note, or a contact with the customer (`kind: 'contact'`). */
      .post('/:id/notes', requirePermission('cases:write'), async (c) => {
        const { id } = parseOrThrow(CasePath, c.req.param(), 'path');
        const { version: bodyVersion, ...note } = parseOrThrow(CaseNote, await readJsonBody(c), 'note');
        const principal = c.get('principal');
        const version = expectedVersion(c, bodyVersion);
        return changed(c, await addNote(db.kysely, { projectId: principal.project.id, caseId: id, note, version, actor: actorOf(principal), now: now() }), 201);
      })

      /** `POST /api/v1/follow-ups/:id/resolve`: resolves the case with its resolution, summary and root cause. */
      .post('/:id/resolve', requirePermission('cases:write'), async (c) => {
        const { id } = parseOrThrow(CasePath, c.req.param(), 'path');
        const { version: bodyVersion, ...resolution } = parseOrThrow(CaseResolution, await readJsonBody(c), 'resolution');
        const principal = c.get('principal');
        const version = expectedVersion(c, bodyVersion);
        return changed(c, await resolveCase(db.kysely, { projectId: principal.project.id, caseId: id, resolution, version, actor: actorOf(principal), now: now() }));
      })

      /**
       * `POST /api/v1/follow-ups/:id/close-loop`: tells the customer of a resolved case what was done, by email and/or
       * in the widget on their next visit. 201 with the case; 409 when it is not resolved, 422 naming `channels`
       * when the customer cannot be reached on one asked for.
       */
      .post('/:id/close-loop', requirePermission('cases:write'), async (c) => {
        const { id } = parseOrThrow(CasePath, c.req.param(), 'path');
        const { version: bodyVersion, ...request } = parseOrThrow(CloseLoopRequest, await readJsonBody(c), 'close-loop');
        const principal = c.get('principal');
        const version = expectedVersion(c, bodyVersion);
        const result = await closeLoop(db.kysely, { projectId: principal.project.id, caseId: id, request, version, actor: actorOf(principal), now: now() });
        if (result.outcome === 'not_resolved' || result.outcome === 'unreachable') throw closeLoopRefusal(result);
        return changed(c, result, 201);
      })
  );
}
