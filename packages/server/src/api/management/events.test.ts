import { FollowUpStreamEvent } from '@closeloop/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { caseRequests } from '../../testing/case-requests.js';
import { signInAs } from '../../testing/console-login.js';
import { NOW, seedProject } from '../../testing/fixtures.js';
import { useTestApp } from '../../testing/test-app.js';
import { testDialects } from '../../testing/test-dbs.js';

interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
}

/** Reads server-sent events off a response body as they arrive. */
function sseReader(res: Response) {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const queued: SseMessage[] = [];
  return {
    /** The next message (or comment), failing after `ms`. */
    async next(ms = 5_000): Promise<SseMessage> {
      const deadline = Date.now() + ms;
      while (queued.length === 0) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error('no event arrived in time');
        const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), remaining))]);
        if (chunk === null) continue;
        if (chunk.done) throw new Error('the stream ended');
        buffer += decoder.decode(chunk.value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message: SseMessage = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) message.comment = line.slice(1).trim();
            const [, field, value] = /^(id|event|data): ?(.*)$/.exec(line) ?? [];
            if (field === 'id' || field === 'event' || field === 'data') message[field] = value;
          }
          queued.push(message);
        }
      }
      return queued.shift() as SseMessage;
    },
    close: () => reader.cancel(),
  };
}

describe.each(testDialects)('GET /api/v1/events on $name', ({ open }) => {
  const t = useTestApp({}, open);
  const api = caseRequests(t);

  it('streams a new detractor’s case to an open console at once, then its changes; Last-Event-ID resumes', async () => {
    const agent = await signInAs(t, 'agent');
    const res = await agent.send('GET', '/api/v1/events');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = sseReader(res);
    try {
      const caseId = await api.openSurveyCase();
      const opened = await stream.next();
      expect(opened.event).toBe('follow_up');
      expect(FollowUpStreamEvent.parse(JSON.parse(opened.data ?? ''))).toEqual({ caseId, kind: 'opened', at: NOW.toISOString() });
      const detail = await api.detail(caseId);
      expect(opened.id).toBe(detail.timeline[0]?.id);

      await api.change('POST', `/api/v1/follow-ups/${caseId}/notes`, { body: 'Called back' });
      const noted = await stream.next();
      expect(JSON.parse(noted.data ?? '')).toMatchObject({ caseId, kind: 'note_added' });

      // Missed while away: a reconnect with the last id it saw gets the rest, in order, and nothing before.
      const second = await api.openSurveyCase();
      const again = sseReader(await t.app.request('/api/v1/events', { headers: { ...api.auth(), 'Last-Event-ID': opened.id ?? '' } }));
      try {
        const kinds: string[] = [];
        for (;;) {
          const message = await again.next();
          const data = FollowUpStreamEvent.parse(JSON.parse(message.data ?? ''));
          kinds.push(`${data.caseId === caseId ? 'first' : 'second'}:${data.kind}`);
          if (data.caseId === second && data.kind === 'opened') break;
        }
        expect(kinds).toEqual(['first:note_added', 'second:opened']);
      } finally {
        await again.close();
      }
    } finally {
      await stream.close();
    }
  });

  it('keeps to the project, needs a key or a session, and starts from now without Last-Event-ID', async () => {
    await api.openSurveyCase();
    expect((await t.app.request('/api/v1/events')).status).toBe(401);
    await seedProject(t.db, 'other');
    const stream = sseReader(await t.app.request('/api/v1/events', { headers: api.auth() }));
    try {
      const next = stream.next(1_500);
      await api.openSurveyCase({ project: 'pk_other' });
      const caseId = await api.openSurveyCase();
      expect(JSON.parse((await next).data ?? '')).toMatchObject({ caseId, kind: 'opened' });
    } finally {
      await stream.close();
    }
  });

  it('sends a ping comment when quiet, and picks up events another instance wrote by polling', async () => {
    const caseId = await api.openSurveyCase();
    const app = createApp({ db: t.db, now: () => NOW, eventStream: { pollMs: 100, pingMs: 300 } });
    const stream = sseReader(await app.request('/api/v1/events', { headers: api.auth() }));
    try {
      expect(await stream.next(2_000)).toEqual({ comment: 'ping' });
      // Written straight to the table, as another server instance would: no in-process wake-up, only the poll.
      await t.db.kysely
        .insertInto('case_events')
        .values({ id: '0193f1d2-0000-7000-8000-0000000000aa', project_id: t.shop.project.id, case_id: caseId, seq: 50, type: 'escalated', actor: '{"kind":"system"}', at: NOW.toISOString(), before: null, after: null, ...(t.db.dialect === 'sqlite' && { stream_position: 1_000 }) })
        .execute();
      let message = await stream.next(2_000);
      while (message.comment === 'ping') message = await stream.next(2_000);
      expect(message.id).toBe('0193f1d2-0000-7000-8000-0000000000aa');
      expect(JSON.parse(message.data ?? '')).toEqual({ caseId, kind: 'escalated', at: NOW.toISOString() });
    } finally {
      await stream.close();
    }
  });

  it('ends open streams when the server stops', async () => {
    const stopping = new AbortController();
    const app = createApp({ db: t.db, now: () => NOW, eventStream: { signal: stopping.signal } });
    const stream = sseReader(await app.request('/api/v1/events', { headers: api.auth() }));
    stopping.abort();
    await expect(stream.next(2_000)).rejects.toThrow('the stream ended');
  });
});
