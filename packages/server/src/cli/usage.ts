export const USAGE = `Usage: closeloop <command> [options]     (closeloop <command> --help for its options)

Commands:
  serve      Run the Closeloop server
  demo       Run the server with a seeded demo project and the example shop at /demo/
  init       Migrate the database and create its first project: prints the keys and the script tag
  projects   list | create: the projects on this server
  keys       list | create | revoke: a project's secret keys
  users      add | list: console logins
  migrate    Bring the database's schema up to date and exit (deploys that migrate first)

Every command works on the database serve would open: PostgreSQL when DATABASE_URL is
set, else SQLite in --data (default ./.closeloop). Settings come from flags, environment
variables and closeloop.config.json: see closeloop serve --help.

Exit codes: 0 done, 1 failed (database, port, data), 2 wrong command line or setting.
`;

const STORE = `  --data <dir>        Folder of the SQLite database (CLOSELOOP_DATA_DIR, default ./.closeloop);
                      DATABASE_URL=postgres://… stores in PostgreSQL instead
  --config <file>     Settings file (default: ./closeloop.config.json when it exists)
  -h, --help          Show this help`;

const SERVE = `Usage: closeloop serve [options]
       closeloop demo [options] [--demo-dir <dir>]

serve runs the Closeloop server; demo runs it with a seeded demo project (pk_demo) and
the example shop at /demo/, and always allows private webhook targets.

Each setting is taken from the first of: its flag, its environment variable, its key in
closeloop.config.json (in the working directory, or --config <file>), its default. A
wrong value, or an unknown key in the file, stops the server naming the setting (exit 2).

Options:
  --config <file>     Settings file (default: ./closeloop.config.json when it exists)
  --demo-dir <dir>    demo only: site to serve at /demo/ (default: the example shop in the package)
  -h, --help          Show this help

Settings (flag, environment variable, config key: default):
  --port <n>          CLOSELOOP_PORT, port: 8787
                      Port to listen on, 0 picks a free one
  --host <address>    CLOSELOOP_HOST, host: 127.0.0.1
                      Address to listen on; 0.0.0.0 for every interface
  --data <dir>        CLOSELOOP_DATA_DIR, dataDir: ./.closeloop
                      Folder of the SQLite database (closeloop.sqlite)
  (no flag)           DATABASE_URL, databaseUrl: none
                      postgres://user:password@host:5432/db to store in PostgreSQL instead
  --public-url <url>  CLOSELOOP_PUBLIC_URL, publicUrl: the address it listens on
                      The server's public URL, for links in Slack and mail
  --allow-private-webhooks
                      CLOSELOOP_ALLOW_PRIVATE_WEBHOOKS, allowPrivateWebhooks: false
                      Let webhooks and Slack reach loopback and private networks
                      (refused by default: SSRF); demo always allows them
  --log-level <level> CLOSELOOP_LOG_LEVEL, logLevel: info
                      fatal, error, warn, info, debug, trace or silent: JSON lines
                      on stdout after the banner
  (no flag)           CLOSELOOP_METRICS_TOKEN, metricsToken: none (no /metrics)
                      Serve GET /metrics (Prometheus) to this bearer token, 16
                      characters or more (openssl rand -hex 32)
  --trust-proxy <n>   CLOSELOOP_TRUST_PROXY, trustProxy: 0
                      Reverse proxies in front of the server (0-10): the client is
                      read from X-Forwarded-For, n hops from the right. Leave 0 when
                      clients reach the server directly: the header is then theirs to forge
  --rate-limit-address <n>
                      CLOSELOOP_RATE_LIMIT_ADDRESS, rateLimit.address: 100
                      Public API requests per second per client address, 0 = off
                      (bursts of 10 s worth). Behind a reverse proxy, say how many
                      with --trust-proxy, or every visitor counts as the proxy's address
  --rate-limit-project <n>
                      CLOSELOOP_RATE_LIMIT_PROJECT, rateLimit.project: 2000
                      Public API requests per second per project
  --rate-limit-key <n>
                      CLOSELOOP_RATE_LIMIT_KEY, rateLimit.key: 50
                      Management API requests per second per secret key or console
                      login. Limits are counted per server instance, in memory
  Mail (off until a server and a sender are set):
  --smtp-host <host>  CLOSELOOP_SMTP_HOST, smtp.host: none
  --smtp-port <n>     CLOSELOOP_SMTP_PORT, smtp.port: 587, or 465 with smtp.secure
  --smtp-secure       CLOSELOOP_SMTP_SECURE, smtp.secure: false
                      TLS from the start; off, STARTTLS when the server offers it
  --smtp-user <name>  CLOSELOOP_SMTP_USER, smtp.user: none
  (no flag)           CLOSELOOP_SMTP_PASS, smtp.pass: none
  (no flag)           CLOSELOOP_SMTP_URL, smtp.url: none
                      smtp://user:password@host:port in one, instead of the above
  --mail-from <email> CLOSELOOP_MAIL_FROM, smtp.from: none
                      The address mail is sent from; each project's name is the display name
  Secrets (DATABASE_URL, SMTP password and URL, metrics token) have no flag: \`ps\` would show them.
`;

const INIT = `Usage: closeloop init [--name <project name>] [--origin <https://shop.example> …] [options]

Migrates the database and creates its first project, then prints its public key, its
secret key (shown this once, stored hashed), its identity secret and the script tag to
paste. Refused when the database has a project already: use closeloop projects create.

Options:
  --name <name>       The project's name, the sender name of its mail
                      (default: the first origin's host, else "My project")
  --origin <origin>   A page origin the widget runs on, such as https://shop.example;
                      repeat for more (default: * = any page)
  --public-url <url>  Where visitors reach the server, for the script tag
                      (CLOSELOOP_PUBLIC_URL; default: the address serve listens on)
${STORE}
`;

const PROJECTS = `Usage: closeloop projects list [options]
       closeloop projects create [--name <name>] [--origin <origin> …] [--public-url <url>] [options]

list prints each project's public key, name, allowed origins and creation time.
create makes another project and prints the same as closeloop init: its keys (the
secret key this once) and the script tag.

Options:
  --name, --origin, --public-url
                      create only: as for closeloop init
${STORE}
`;

const KEYS = `Usage: closeloop keys list [--project <pk_…>] [options]
       closeloop keys create --label <label> [--project <pk_…>] [options]
       closeloop keys revoke --key <id or prefix> [--project <pk_…>] [options]

A project has one public key (made with it: the script tag's data-project) and any
number of secret keys for the management API, one per integration, so one can be
revoked without breaking the others.

  list     every secret key, revoked ones too: id, prefix, label, creation, last use
  create   a new secret key, printed this once (only its hash is stored)
  revoke   the key with this id, or the only one whose prefix fits (as keys list shows
           it): from then on it gets 401

Options:
  --project <pk_…>    The project's public key; may be left out when the server has one project
  --label <label>     create only: where the key will be used, such as "Billing backend"
  --key <id|prefix>   revoke only: which key
${STORE}
`;

const USERS = `Usage: closeloop users add --email <email> --role admin|agent|viewer [--name <name>] [--project <pk_…>] [options]
       closeloop users list [options]

add gives someone a console login (/console/): on a terminal the password is asked for
twice, hidden; otherwise one is generated and printed once. An existing member with the
email keeps their id and cases. list prints each login's email, role, project and name.

Options:
  --email <email>     add only: the address they sign in with (one email, one project)
  --role <role>       add only: admin, agent or viewer
  --name <name>       add only: default the email's local part
  --project <pk_…>    add only: may be left out when the server has one project
${STORE}
`;

const MIGRATE = `Usage: closeloop migrate [options]

Brings the database's schema up to date and exits, printing each migration it ran: for
deploys that migrate in a step of their own before starting the new servers (serve also
migrates on start).

Options:
${STORE}
`;

/** Each command's \`--help\`. */
export const COMMAND_USAGE = { serve: SERVE, demo: SERVE, init: INIT, projects: PROJECTS, keys: KEYS, users: USERS, migrate: MIGRATE } as const;
export type CommandName = keyof typeof COMMAND_USAGE;
