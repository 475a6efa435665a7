const CLOSERS: Record<string, string> = { '[': ']', '(': ')' };

/**
 * Why `selector` is not a CSS selector the browser's `closest()` will take, or undefined when it looks like one.
 * The server has no DOM to ask, so this checks the syntax that breaks in practice: unbalanced brackets, parentheses
 * and quotes, an empty part around a comma, a combinator with nothing after it, and characters that end a rule
 * (`{`, `}`, `;`). The browser core still guards `closest()`, and disarms the trigger with one warning if it throws.
 */
export function selectorProblem(selector: string): string | undefined {
  const open: string[] = [];
  let quote = '';
  for (let i = 0; i < selector.length; i++) {
    const ch = selector.charAt(i);
    if (ch === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '}' || ch === ';') return `"${ch}" cannot appear in a selector`;
    else if (CLOSERS[ch]) open.push(CLOSERS[ch]);
    else if (ch === ']' || ch === ')') {
      if (open.pop() !== ch) return `unbalanced "${ch}"`;
    }
  }
  if (quote) return `unclosed ${quote} quote`;
  if (open.length) return `missing "${open.at(-1)}"`;
  const parts = selector.split(',').map((part) => part.trim());
  if (parts.some((part) => !part)) return 'empty selector around a comma';
  if (parts.some((part) => /[>+~]$/.test(part))) return 'a combinator needs a selector after it';
  return undefined;
}
