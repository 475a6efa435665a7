import type { UrlRule, UrlRules } from '../schemas/url-rules.js';

/** Where a rule looks: the path, or the whole address. Passed in so rules can be checked without a real page. */
export interface PageUrl {
  path: string;
  url: string;
}

// What `currentUrl` reads of the browser, declared here so the file also compiles without the DOM library: the
// server imports `matchUrl` (through `@closeloop/sdk/logic`) for its routing rules and never calls `currentUrl`.
declare const location: { readonly pathname: string; readonly href: string };

export const currentUrl = (): PageUrl => ({ path: location.pathname, url: location.href });

/**
 * Whether the page's URL passes `rules` (`any`: one rule matches; `all`: every one). Shared through
 * `@closeloop/sdk/logic`: the browser's targeting and triggers test the page with it, the server's routing rules the
 * page an answer was given on.
 */
export function matchUrl({ match, rules }: UrlRules, page: PageUrl): boolean {
  return match === 'all' ? rules.every((rule) => matchRule(rule, page)) : rules.some((rule) => matchRule(rule, page));
}

function matchRule({ op, value, on }: UrlRule, page: PageUrl): boolean {
  const text = on === 'url' ? page.url : page.path;
  if (op === 'exact') return text === value;
  if (op === 'contains') return text.includes(value);
  if (op === 'starts-with') return text.startsWith(value);
  if (op === 'ends-with') return text.endsWith(value);
  try {
    return new RegExp(op === 'regex' ? value : globSource(value)).test(text);
  } catch {
    // The server validated the pattern; a browser whose engine still refuses it simply does not match.
    return false;
  }
}

// What each glob token stands for: `*` any run within one path segment, `?` one character but `/`, `**` any run
// across segments, and `**/` zero or more whole segments (so `/docs/**/intro` also matches `/docs/intro`).
const GLOB: Record<string, string> = { '**/': '(?:.*/)?', '**': '.*', '*': '[^/]*', '?': '[^/]' };

/** A glob as a whole-string pattern; everything but its tokens is literal. */
function globSource(glob: string): string {
  return `^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?|[*?]/g, (token) => GLOB[token]!)}$`;
}
