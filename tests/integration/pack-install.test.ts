// The packages as a user installs them from npm (packed with pnpm, installed with npm into an empty project, see
// packed-project.ts): the SDK's types resolve under both module resolutions, every entry imports as ESM, a Vite app
// that uses one SDK export bundles nothing else, and `npx closeloop demo` serves the widget from the installed
// packages. Needs `pnpm build` first (as `pnpm check` runs it); the install takes better-sqlite3's binary from the
// workspace as a local prebuild, or compiles it (about a minute) when that is not for the running Node.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLISHED, packAndInstall, startInstalled } from './packed-project.js';
import type { PackedProject, Started } from './packed-project.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
/** Each step spawns tsc, node or a server, or bundles: seconds when idle, more on a loaded CI machine. */
const STEP_TIMEOUT = 60_000;
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** A TypeScript user of the SDK: it compiles only if the published types are there and say what they should. */
const TYPED_USER = `import { createCloseloop, FEEDBACK_CATEGORIES } from '@closeloop/sdk';
import type { CloseloopOptions, SurveyDefinition, SurveySession } from '@closeloop/sdk';
import { SurveyDefinition as SurveySchema } from '@closeloop/sdk/schemas';
import { followUpReason } from '@closeloop/sdk/logic';
import type { PresenterOptions } from '@closeloop/widget';

const options: CloseloopOptions = { project: 'pk_demo', host: 'https://feedback.example.com' };
export const closeloop = createCloseloop(options);
export const parsed: SurveyDefinition = SurveySchema.parse({});
export const reason: typeof followUpReason = followUpReason;
export const category: (typeof FEEDBACK_CATEGORIES)[number] = 'praise';
export const presenter: PresenterOptions = { thankYouMs: 0 };

// The widget README's headless presenter (the third way in), as written there.
declare function openMyNpsDialog(options: { title: string; onScore: (score: number) => void; onClose: () => void }): void;
export function present(session: SurveySession) {
  const [first] = session.survey.questions;
  if (first?.type !== 'nps') return session.dismiss();
  openMyNpsDialog({
    title: first.prompt,
    onScore: (score: number) => {
      session.answer(first.id, score);
      session.complete();
    },
    onClose: () => session.dismiss(),
  });
}
export const headless = createCloseloop({ project: 'pk_your_key', host: 'https://feedback.example.com', present });
// Types, not \`any\`: each of these must be an error, or tsc fails on the unused directive.
// @ts-expect-error project is a string
export const wrongProject: CloseloopOptions = { project: 42 };
// @ts-expect-error not a category
export const wrongCategory: (typeof FEEDBACK_CATEGORIES)[number] = 'rant';
`;

/** The two module resolutions apps use: a bundler's, and Node's own (ESM). */
const RESOLUTIONS = {
  bundler: { module: 'ESNext', moduleResolution: 'Bundler' },
  nodenext: { module: 'NodeNext', moduleResolution: 'NodeNext' },
} as const;

/** Paths the demo serves from the installed packages, with what each answers: one line per path. */
const SERVED: { path: string; status: number; contentType: RegExp; body?: RegExp }[] = [
  { path: '/closeloop.js', status: 200, contentType: /javascript/, body: /closeloop/ },
  { path: '/healthz', status: 200, contentType: /json/ },
  { path: '/demo/', status: 200, contentType: /html/, body: /<script[^>]+closeloop\.js/ },
  { path: '/console/', status: 200, contentType: /html/ },
];

describe('the packed packages, installed with npm into an empty project', () => {
  let project: PackedProject;
  let demo: Started | undefined;

  beforeAll(async () => {
    for (const name of PUBLISHED) {
      if (!existsSync(join(repo, 'packages', name, 'dist'))) throw new Error(`packages/${name}/dist is missing: run \`pnpm build\` first`);
    }
    project = await packAndInstall();
    // Seconds with the workspace's binary; about 100 s on an idle 2-core machine when node-gyp compiles SQLite.
  }, 600_000);

  /** Builds `main.js` with Vite in a folder of the project and returns the JavaScript it bundled. */
  async function bundle(name: string, main: string): Promise<string> {
    const dir = join(project.app, name);
    await mkdir(dir);
    await writeFile(join(dir, 'main.js'), main);
    const outDir = join(dir, 'dist');
    await build({ root: dir, configFile: false, logLevel: 'silent', build: { outDir, minify: false, rolldownOptions: { input: join(dir, 'main.js') } } });
    const files = await readdir(join(outDir, 'assets'));
    return (await Promise.all(files.filter((f) => f.endsWith('.js')).map((f) => readFile(join(outDir, 'assets', f), 'utf8')))).join('\n');
  }

  afterAll(async () => {
    await demo?.stop();
    if (project) await rm(project.root, { recursive: true, force: true });
  });

  it('ships only built files: no TypeScript source, every export target in the tarball, the license', async () => {
    const license = await readFile(join(repo, 'LICENSE'), 'utf8');
    for (const name of PUBLISHED) {
      const dir = join(project.app, 'node_modules', '@closeloop', name);
      const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { exports: unknown; devDependencies?: unknown; license: string; engines: { node: string }; repository: { directory: string } };
      expect(manifest.license).toBe('MIT');
      expect(manifest.engines.node).toBe('>=20.19');
      expect(manifest.repository.directory).toBe(`packages/${name}`);
      expect(manifest.devDependencies).toBeUndefined();
      expect(existsSync(join(dir, 'src')), `@closeloop/${name} ships src/`).toBe(false);
      expect(await readFile(join(dir, 'LICENSE'), 'utf8'), `@closeloop/${name}'s LICENSE`).toBe(license);
      const targets = exportTargets(manifest.exports);
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) expect(existsSync(join(dir, target)), `@closeloop/${name} exports ${target}`).toBe(true);
      expect(JSON.stringify(manifest.exports)).not.toContain('@closeloop/source');
    }
  }, STEP_TIMEOUT);

  it.each(Object.entries(RESOLUTIONS))('typechecks a TypeScript user of the SDK (moduleResolution %s)', async (name, resolution) => {
    const dir = join(project.app, `typed-${name}`);
    await mkdir(dir);
    await writeFile(join(dir, 'user.ts'), TYPED_USER);
    const compilerOptions = { ...resolution, target: 'ES2022', lib: ['ES2023', 'DOM'], types: [], strict: true, noEmit: true, skipLibCheck: true };
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['user.ts'] }));
    // The nodenext project is ESM by its package.json, as a Node app's would be.
    await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    await expect(project.exec(process.execPath, [tsc, '-p', dir])).resolves.toBe('');
  }, STEP_TIMEOUT);

  it('imports every entry as ESM in Node', async () => {
    const entries = ['@closeloop/sdk', '@closeloop/sdk/schemas', '@closeloop/sdk/logic', '@closeloop/sdk/node', '@closeloop/widget', '@closeloop/server'];
    const script = `const names = ${JSON.stringify(entries)};
const loaded = {};
for (const name of names) loaded[name] = Object.keys(await import(name)).sort();
console.log(JSON.stringify(loaded));`;
    const loaded = JSON.parse(await project.exec(process.execPath, ['--input-type=module', '-e', script])) as Record<string, string[]>;
    expect(loaded['@closeloop/sdk']).toEqual(expect.arrayContaining(['createCloseloop', 'uuidv7', 'FEEDBACK_CATEGORIES']));
    expect(loaded['@closeloop/sdk/schemas']).toEqual(expect.arrayContaining(['SurveyDefinition', 'ResponseSubmission']));
    expect(loaded['@closeloop/sdk/logic']).toEqual(expect.arrayContaining(['followUpReason']));
    expect(loaded['@closeloop/sdk/node']).toEqual(expect.arrayContaining(['signIdentity', 'createManagementClient']));
    expect(loaded['@closeloop/widget']).toEqual(expect.arrayContaining(['present', 'createPresenter', 'mount', 'feedbackButton']));
    expect(loaded['@closeloop/server']).toEqual(expect.arrayContaining(['createApp']));
  }, STEP_TIMEOUT);

  it('tree-shakes: a Vite build of an app using one SDK export leaves the rest of the SDK out', async () => {
    // '[closeloop]' prefixes the core's warnings, reached from createCloseloop; FEEDBACK_CATEGORIES lists 'praise'.
    const one = await bundle('one-export', `import { FEEDBACK_CATEGORIES } from '@closeloop/sdk';\ndocument.title = FEEDBACK_CATEGORIES.join(' ');\n`);
    expect(one).toContain('praise');
    expect(one).not.toContain('[closeloop]');
    // The control: the marker is there when the app does use the core.
    const core = await bundle('core', `import { createCloseloop } from '@closeloop/sdk';\nwindow.closeloop = createCloseloop({ project: 'pk_demo' });\n`);
    expect(core).toContain('[closeloop]');
  }, STEP_TIMEOUT);

  it('tree-shakes the widget: an app asking only whether a surface is open bundles no survey UI', async () => {
    // 'data-closeloop-root' marks the element mount() renders the survey into (present → mount).
    const one = await bundle('widget-one-export', `import { surfaceOpen } from '@closeloop/widget';\ndocument.title = String(surfaceOpen());\n`);
    expect(one).toContain('closeloop-messages');
    expect(one).not.toContain('data-closeloop-root');
    expect(one).not.toContain('preact');
    const ui = await bundle('widget-present', `import { present } from '@closeloop/widget';\nwindow.present = present;\n`);
    expect(ui).toContain('data-closeloop-root');
    expect(ui).toContain('preact');
  }, STEP_TIMEOUT);

  it('sets a company up with `npx closeloop init`, and its printed key works on `npx closeloop serve`', async () => {
    const data = join(project.root, 'company');
    const printed = await project.closeloop(['init', '--name', 'Acme Shop', '--origin', 'https://shop.acme.example', '--data', data]);
    const publicKey = /pk_[A-Za-z0-9_-]+/.exec(printed)?.[0];
    expect(publicKey, printed).toBeDefined();
    expect(printed).toMatch(/sk_[A-Za-z0-9_-]+/);
    expect(printed).toContain(`data-project="${publicKey}"`);
    const server = await startInstalled(project, ['serve', '--port', '0', '--data', data], 'Server');
    try {
      const config = await fetch(`${server.origin}/v1/config?project=${publicKey}`, { headers: { Origin: 'https://shop.acme.example' } });
      expect(config.status).toBe(200);
      expect(await config.json()).toMatchObject({ project: publicKey, surveys: [] });
      const ready = await fetch(`${server.origin}/readyz`);
      expect(ready.status, await ready.text()).toBe(200);
    } finally {
      await server.stop();
    }
  }, STEP_TIMEOUT);

  it('runs `npx closeloop demo` from the installed packages: the shop, the widget and the console', async () => {
    const data = join(project.root, 'data');
    expect(await project.closeloop(['--help'])).toMatch(/\bdemo\b/);
    demo = await startInstalled(project, ['demo', '--port', '0', '--data', data], 'Shop');
    for (const { path, status, contentType, body } of SERVED) {
      const reply = await fetch(`${demo.origin}${path}`);
      expect(reply.status, path).toBe(status);
      expect(reply.headers.get('content-type'), path).toMatch(contentType);
      const text = await reply.text();
      if (body) expect(text, path).toMatch(body);
    }
    expect(demo.output()).not.toContain('not built');
  }, STEP_TIMEOUT);
});

/** Every file an exports map points at (conditions and subpaths flattened). */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === 'string') return [exports];
  if (exports === null || typeof exports !== 'object') return [];
  return Object.values(exports).flatMap((value) => exportTargets(value));
}
