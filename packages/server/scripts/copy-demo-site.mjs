// Part of the server's build: copies the repository's example shop (examples/shop) into the package as demo-site/,
// so `closeloop demo` serves it from an installed package too (package.json's "files" ships the folder). The
// repository keeps one copy of the shop; this one is built output, like dist/, and not committed.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shop = join(root, '..', '..', 'examples', 'shop');
const target = join(root, 'demo-site');

if (!existsSync(join(shop, 'index.html'))) throw new Error(`the demo site's source ${shop}/index.html is missing`);
rmSync(target, { recursive: true, force: true });
cpSync(shop, target, { recursive: true });
process.stdout.write(`copied ${shop} → demo-site/\n`);
