/**
 * An AbortController that also aborts when `parent` does, so one survey's triggers can be disarmed alone while
 * `destroy()` still reaches them. (`AbortSignal.any` would do this, but is too recent for the browsers we serve.)
 */
export function childController(parent: AbortSignal): AbortController {
  const child = new AbortController();
  if (parent.aborted) child.abort();
  else parent.addEventListener('abort', () => child.abort(), { signal: child.signal });
  return child;
}
