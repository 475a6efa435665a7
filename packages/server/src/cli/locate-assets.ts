import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built widget's folder, found through package resolution (the server never imports widget code, it serves
 * its build). Undefined when the widget package is not installed; the folder may still be unbuilt.
 */
export function widgetBrowserDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@closeloop/widget/package.json')), 'dist', 'browser');
  } catch {
    return undefined;
  }
}

/**
 * The built console's folder (`@closeloop/console`'s `dist/`), found through package resolution like the widget's.
 * Undefined when the console package is not installed; the folder may still be unbuilt (then `/console/` says so).
 */
export function consoleDistDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@closeloop/console/package.json')), 'dist');
  } catch {
    return undefined;
  }
}

/**
 * The demo site shipped inside this package (`demo-site/`, the example shop copied there by the build): found
 * relative to the package, from src/cli and dist/cli alike, so an installed `closeloop demo` needs no checkout.
 */
export function defaultDemoDir(): string {
  return fileURLToPath(new URL('../../demo-site', import.meta.url));
}

/** Whether `dir` can be served as the demo: it must hold an index.html. */
export function isDemoSite(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}
