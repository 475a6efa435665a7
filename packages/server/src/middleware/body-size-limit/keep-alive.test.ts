import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { listen } from '../../cli/listen.js';
import { listResponses } from '../../repos/responses.js';
import { seedProject, submission } from '../../testing/fixtures.js';
import type { SeededProject } from '../../testing/fixtures.js';
import { testDialects, useTestDb } from '../../testing/test-dbs.js';

const LIMIT = 64 * 1024;

/**
 * Over a real socket, with node's fetch (undici, keep-alive by default) sending one request after the other, so
 * each goes down the connection the last one used. Before the 413 said `Connection: close`, a request sent after
 * an oversize one met a socket the server was tearing down and failed with "other side closed".
 */
describe.each(testDialects)('oversize bodies on a kept-alive connection on $name', ({ open }) => {
  const opened = useTestDb(open);
  let origin = '';
  let shop: SeededProject;
  let stop = async () => {};
  beforeEach(async () => {
    shop = await seedProject(opened.db);
    const { server, port } = await listen(createApp({ db: opened.db, maxBodyBytes: LIMIT }), { port: 0, host: '127.0.0.1' });
    origin = `http://127.0.0.1:${port}`;
    stop = () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      });
  });
  afterEach(() => stop());

  it('300 random-size requests from one client: each gets its answer, none is lost', { timeout: 60_000 }, async () => {
    const lost: string[] = [];
    let stored = 0;
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      // Half plain answers, half padded from nothing to 6× the limit (mostly a 413).
      const body = JSON.stringify(Math.random() < 0.5 ? submission({ answers: { nps: 9 } }) : { ...submission(), pad: 'x'.repeat(Math.floor(Math.random() * 6 * LIMIT)) });
      try {
        const res = await fetch(`${origin}/v1/responses`, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://shop.example' }, body });
        const reply = await res.text();
        // Unknown fields are dropped, so a padded body within the limit is stored like any other.
        const expected = Buffer.byteLength(body) > LIMIT ? 413 : 201;
        expect(res.status, reply).toBe(expected);
        if (res.status === 201) stored++;
        if (res.status === 413) {
          refused++;
          expect(res.headers.get('connection')).toBe('close');
          expect(JSON.parse(reply)).toMatchObject({ error: { code: 'payload_too_large' } });
        }
      } catch (error) {
        lost.push(`#${i} (${body.length} B): ${String(error instanceof Error ? (error.cause ?? error) : error)}`);
      }
    }
    expect(lost).toEqual([]);
    expect(refused).toBeGreaterThan(50);
    const { data } = await listResponses(opened.db.kysely, shop.project.id, { limit: 300 });
    expect(data).toHaveLength(stored);
  });
});
