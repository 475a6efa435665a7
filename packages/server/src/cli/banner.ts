export interface BannerInput {
  command: 'serve' | 'demo';
  origin: string;
  dataLocation: string;
  widgetBuilt: boolean;
  /** Whether `@closeloop/console` is built: `/console/` answers 503 until it is. */
  consoleBuilt: boolean;
  /** The demo's console logins, shown so a first visitor can sign in. */
  logins?: readonly { email: string; password: string; role: string }[];
}

const line = (label: string, value: string) => `  ${`${label}:`.padEnd(11)}${value}`;

/**
 * What `closeloop serve|demo` prints once listening. Scripts read it: the e2e test takes the shop URL from the
 * `  Shop:      http://…/demo/` line, so keep that line's shape.
 */
export function banner({ command, origin, dataLocation, widgetBuilt, consoleBuilt, logins = [] }: BannerInput): string {
  const lines = [command === 'demo' ? 'Closeloop demo is running' : 'Closeloop server is running'];
  if (command === 'demo') {
    lines.push(
      line('Shop', `${origin}/demo/`),
      line('Cases', `curl -H 'Authorization: Bearer sk_demo' ${origin}/api/v1/follow-ups`),
    );
  } else {
    lines.push(line('Server', origin));
  }
  lines.push(line('Console', consoleBuilt ? `${origin}/console/` : 'not built: run `pnpm build`, /console/ answers 503 until then'));
  for (const [i, login] of logins.entries()) {
    const text = `${login.email} / ${login.password} (${login.role})`;
    lines.push(i === 0 ? line('Logins', text) : `  ${' '.repeat(11)}${text}`);
  }
  lines.push(
    line('OpenAPI', `${origin}/openapi.json`),
    line('Widget', widgetBuilt ? `${origin}/closeloop.js` : 'not built: run `pnpm build`, /closeloop.js answers 503 until then'),
    line('Data', dataLocation),
    'Press Ctrl+C to stop.',
  );
  return lines.join('\n');
}
