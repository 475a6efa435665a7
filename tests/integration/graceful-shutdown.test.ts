// SIGTERM to the real `closeloop demo` process (built CLI, SQLite in a temp dir) while a request is half sent:
// the server stops accepting, the request still gets its answer, and the process exits 0.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli } from './cli-process.js';
import type { Cli } from './cli-process.js';

/** Starts a POST and sends its headers and the first half of its body; the caller sends the rest. */
function halfSentPost(origin: string, path: string, body: string): { req: ClientRequest; rest: () => void; reply: Promise<{ status: number; body: string }> } {
  const bytes = Buffer.from(body);
  const half = Math.floor(bytes.length / 2);
  const req = request(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(bytes.length), connection: 'close' } });
  const reply = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res: IncomingMessage) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
  });
  req.flushHeaders();
  req.write(bytes.subarray(0, half));
  return { req, rest: () => req.end(bytes.subarray(half)), reply };
}

describe('closeloop on SIGTERM', () => {
  let dataDir: string;
  let started: Cli | undefined;
  afterEach(async () => {
    if (started && started.child.exitCode === null) started.child.kill('SIGKILL');
    await started?.exited;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('stops accepting, answers the request in flight, then exits 0', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'closeloop-sigterm-'));
    started = await startCli(dataDir);
    const { origin } = started;
    const answer = { id: randomUUID(), project: 'pk_demo', surveyId: 'nps', answers: { nps: 2 }, respondent: { anonymousId: 'sigterm' }, context: { url: 'https://shop.example/' }, answeredAt: new Date().toISOString() };
    const slow = halfSentPost(origin, '/v1/responses', JSON.stringify(answer));
    // Sent before it: by the time a request on a second connection is answered, the server is reading this one.
    expect((await fetch(`${origin}/healthz`, { headers: { connection: 'close' } })).status).toBe(200);

    started.child.kill('SIGTERM');
    await started.printed('Closing (SIGTERM)');
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();

    slow.rest();
    const reply = await slow.reply;
    expect(reply.status).toBe(201);
    expect(JSON.parse(reply.body)).toMatchObject({ id: answer.id, followUpId: expect.any(String) });
    expect(await started.exited).toBe(0);
    expect(started.output()).toContain('Stopped.');
  }, 30_000);
});
