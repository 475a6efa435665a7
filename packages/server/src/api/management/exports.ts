import { Hono } from 'hono';
import { CaseExportQuery, ResponseExportQuery } from '@closeloop/sdk/schemas';
import type { AppEnv } from '../../app-env.js';
import { caseFilters } from '../../http/case-filters.js';
import { readerOf } from '../../http/reader-of.js';
import { responseFiltersOf } from '../../http/response-filters-of.js';
import { parseOrThrow } from '../../http/zod-issues.js';
import { requirePermission } from '../../middleware/require-permission/index.js';
import { caseRows, CASE_COLUMNS } from '../../export/case-rows.js';
import { csvResponse } from '../../export/csv-response.js';
import { RESPONSE_COLUMNS, responseRows } from '../../export/response-rows.js';
import type { ManagementApiOptions } from './options.js';

/**
 * `/api/v1/export`: CSV downloads for spreadsheets, streamed, UTF-8 with a BOM, every text cell that a spreadsheet
 * would read as a formula prefixed with `'`. The filters are the lists' own, checked the same way, before the first
 * byte is sent (a bad filter is a 422, not a broken file).
 */
export function exportsApi({ db, now }: ManagementApiOptions): Hono<AppEnv> {
  const day = () => now().toISOString().slice(0, 10);
  return (
    new Hono<AppEnv>()
      /** `GET /api/v1/export/responses.csv`: the responses `GET /api/v1/responses` would list, newest first, all pages. */
      .get('/responses.csv', requirePermission('responses:read'), (c) => {
        const principal = c.get('principal');
        const readerId = readerOf(principal);
        const filters = responseFiltersOf(parseOrThrow(ResponseExportQuery, c.req.query(), 'query'), readerId);
        return csvResponse(`responses-${day()}.csv`, RESPONSE_COLUMNS, responseRows(db.reads, principal.project.id, filters, readerId));
      })
      /** `GET /api/v1/export/cases.csv`: the cases `GET /api/v1/follow-ups` would list, in the queue's order, all pages. */
      .get('/cases.csv', requirePermission('cases:read'), async (c) => {
        const principal = c.get('principal');
        const filters = await caseFilters(db, principal, parseOrThrow(CaseExportQuery, c.req.query(), 'query'), now());
        return csvResponse(`cases-${day()}.csv`, CASE_COLUMNS, caseRows(db.reads, principal.project.id, filters));
      })
  );
}
