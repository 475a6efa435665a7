import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { newRowId } from '../../packages/server/dist/db/new-row-id.js';

// The load, from its own process so the server under test has its cores to itself as far as 2 cores allow:
// `node drive.mjs <url> <seconds> <connections> [rate]` prints one JSON line with the figures; with a rate, the
// connections together send that many requests per second (autocannon's overallRate) instead of as many as they can.
const [url, seconds, connections, rate] = process.argv.slice(2);
// Ids time-ordered (UUIDv7) as the widget and the SDK make a response's and a visitor's, here by the server's own
// maker, which costs this process what randomUUID() does (the SDK's costs more, and the load generator's CPU bounds
// what the bare server is measured at). BENCH_RANDOM_IDS=1 sends random UUIDv4s instead, as a client making its own
// ids might: each lands on a random page of every index on it.
const newId = process.env.BENCH_RANDOM_IDS === '1' ? () => randomUUID() : () => newRowId();
let sent = 0;
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  ...(rate !== undefined && { overallRate: Number(rate) }),
  requests: [
    {
      method: 'POST',
      path: '/v1/responses',
      headers: { 'content-type': 'application/json' },
      // A new response by a new visitor per request (unique ids), scores 0–10 in turn so about half are detractors
      // and open a case.
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          id: newId(),
          project: 'pk_demo',
          surveyId: 'nps',
          answers: { nps: sent++ % 11 },
          respondent: { anonymousId: newId() },
          context: { url: 'https://shop.example/checkout' },
          answeredAt: new Date().toISOString(),
        }),
      }),
    },
  ],
});
console.log(
  JSON.stringify({
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
);
