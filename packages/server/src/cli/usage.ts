export const USAGE = `Usage: closeloop <command> [options]

Commands:
  serve   Run the Closeloop server
  demo    Run the server with a seeded demo project and the example shop at /demo/
  users add --email <email> --role admin|agent|viewer [--name <name>] [--project <pk_…>]
          Give someone a console login (/console/): the password is asked for
          on a terminal, else generated and printed once. --project may be left
          out when the server has one project
  users list
          The console logins, with role and project

Options:
  --port <number>     Port to listen on, 0 picks a free one    (default: 8787)
  --host <address>    Address to listen on                      (default: 127.0.0.1)
  --data <dir>        Folder of the SQLite database (also users) (default: ./.closeloop)
  --demo-dir <dir>    demo only: site to serve at /demo/        (default: the repository's examples/shop)
  --allow-private-webhooks
                      Let webhooks and Slack reach loopback and private networks
                      (refused by default: SSRF); demo always allows them
  --rate-limit-address <n>
                      Public API requests per second per client address, 0 = off
                      (default: 100, bursts of 10 s worth). Behind a reverse
                      proxy, say how many with --trust-proxy, or every visitor
                      counts as the proxy's one address
  --rate-limit-project <n>
                      Public API requests per second per project (default: 2000)
  --rate-limit-key <n>
                      Management API requests per second per secret key or
                      console login (default: 50)
                      Limits are counted per server instance, in memory
  --trust-proxy <n>   Reverse proxies in front of the server (default: 0): the
                      client is read from X-Forwarded-For, n hops from the right.
                      Leave 0 when clients reach the server directly: the header
                      is then theirs to forge
  -h, --help          Show this help

Environment:
  DATABASE_URL        postgres://… to store in PostgreSQL instead of SQLite
  CLOSELOOP_PUBLIC_URL
                      The server's public origin, for case links in Slack
                      (default: the address it listens on)
  CLOSELOOP_LOG_LEVEL fatal|error|warn|info|debug|trace|silent: JSON log
                      lines on stdout after this banner (default: info)
  CLOSELOOP_METRICS_TOKEN
                      Serve GET /metrics (Prometheus) to this bearer token,
                      16 characters or more (default: unset, no /metrics)
`;
