import { describe, expect, it } from 'vitest';
import { csvResponse } from './csv-response.js';

describe('csvResponse', () => {
  it('streams the BOM, the header and each batch, one batch per turn of the event loop so other requests are served between them', async () => {
    const events: string[] = [];
    async function* batches() {
      for (let i = 1; i <= 3; i++) {
        events.push(`batch ${i}`);
        yield [[`row ${i}`, i]];
      }
    }
    const response = csvResponse('responses.csv', ['name', 'n'], batches());
    // Other work waiting on the event loop (an answer arriving): it notes each turn it gets, until the download ends.
    let downloading = true;
    const otherWork = () => {
      events.push('turn');
      if (downloading) setImmediate(otherWork);
    };
    setImmediate(otherWork);
    // Decoded with the BOM kept: `response.text()` would drop it.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    downloading = false;

    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="responses.csv"');
    expect(text).toBe('\uFEFF"name","n"\r\n"row 1",1\r\n"row 2",2\r\n"row 3",3\r\n');
    const batchAt = events.flatMap((event, i) => (event.startsWith('batch') ? [i] : []));
    expect(batchAt).toHaveLength(3);
    for (let k = 1; k < batchAt.length; k++) expect(events.slice(batchAt[k - 1], batchAt[k])).toContain('turn');
  });
});
