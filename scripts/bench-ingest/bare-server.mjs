import { createServer } from 'node:http';

// The yardstick: what node:http does with the same body and no framework, validation or storage. It reads and parses
// the JSON and answers the way the real route does, so the ratio measures only what Closeloop adds.
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"code":"invalid_json","message":"not JSON"}}');
      return;
    }
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: body.id, followUpId: null }));
  });
});
server.listen(Number(process.argv[2]), '127.0.0.1', () => console.log('listening'));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
