import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

// The load, from its own process so the server under test has its cores to itself as far as 2 cores allow:
// `node drive.mjs <url> <seconds> <connections> [rate]` prints one JSON line with the figures; with a rate, the
// connections together send that many requests per second (autocannon's overallRate) instead of as many as they can.
const [url, seconds, connections, rate] = process.argv.slice(2);
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
      // A new response per request (unique id), scores 0–10 in turn so about half are detractors and open a case.
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          id: randomUUID(),
          project: 'pk_demo',
          surveyId: 'nps',
          answers: { nps: sent++ % 11 },
          respondent: { anonymousId: `bench-${sent}` },
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
