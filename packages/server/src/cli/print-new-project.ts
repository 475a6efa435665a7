import type { ServerConfig } from '../config/resolve-config.js';
import type { ProvisionedProject } from '../projects/provision-project.js';
import { displayOrigin } from './listen.js';

/**
 * What `init` and `projects create` print: the keys (the secret key this once) and the script tag to paste. The tag
 * points at the public URL, else at the address `serve` would listen on, with a word that it must be reachable.
 */
export function printNewProject({ project, secretKey }: ProvisionedProject, config: ServerConfig, location: string, out: (line: string) => void): void {
  const server = config.publicUrl ?? displayOrigin(config.host, config.port);
  const origins = project.allowedOrigins.includes('*') ? '* (any page; restrict with --origin https://shop.example)' : project.allowedOrigins.join(', ');
  out(`Created project "${project.name}" on ${location}`);
  out(`  Public key:       ${project.publicKey}`);
  out(`  Secret key:       ${secretKey}`);
  out('                    for the management API (Authorization: Bearer …); shown this once, stored hashed');
  out(`  Identity secret:  ${project.identitySecret}`);
  out('                    your backend signs user ids with it (signIdentity in @closeloop/sdk/node); keep it secret');
  out(`  Allowed origins:  ${origins}`);
  out('');
  out('Paste into your pages:');
  out(`  <script async src="${server}/closeloop.js" data-project="${project.publicKey}"></script>`);
  if (config.publicUrl === null) out(`(${server} is where \`closeloop serve\` listens: set CLOSELOOP_PUBLIC_URL or --public-url to the address visitors reach)`);
}
