import { setImmediate as nextTurn } from 'node:timers/promises';
import { csvRow } from './csv-cell.js';
import type { CellValue } from './csv-cell.js';

/** Excel reads a CSV as UTF-8 only when it starts with the byte order mark; other readers skip it. */
const BOM = '\uFEFF';

/**
 * A streamed CSV download: the BOM and header first, then each batch of rows as the database hands it over, so a
 * 100,000-row export never sits whole in memory. An error mid-way aborts the stream (the client sees a broken
 * download, never a truncated file that looks complete).
 *
 * One batch per turn of the event loop. On SQLite a batch is read synchronously, and a client that reads as fast as
 * the server writes never makes the socket push back, so the batches ran back to back as one task: answers arriving
 * during an export of 150,000 responses waited 3 s (median) to 4.8 s. Between batches, they are taken.
 */
export function csvResponse(filename: string, header: readonly string[], batches: AsyncIterable<CellValue[][]>): Response {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + csvRow(header)));
    },
    async pull(controller) {
      await nextTurn();
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(csvRow).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
}
