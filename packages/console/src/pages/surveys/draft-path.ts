/** Where a value sits in a survey draft: `['questions', 0, 'prompt']`, as zod names it in its issues. */
export type DraftPath = readonly (string | number)[];

/** The dotted form (`questions.0.prompt`), the same the server puts in a 422's `issues[].path`. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** The value at `path`, or undefined where the draft has nothing there (or something else than an object). */
export function getAt(value: unknown, path: DraftPath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * A copy of `value` with `next` at `path`, every object and array on the way copied (the draft is immutable, so a
 * signal holding it notices the change) and created where missing. `undefined` removes an object's key, so a
 * cleared optional field leaves the draft as if it had never been set, which is what the schema expects.
 */
export function setAt<T>(value: T, path: DraftPath, next: unknown): T {
  if (path.length === 0) return next as T;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const container: unknown = value;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(container)
    ? [...(container as unknown[])]
    : container !== null && typeof container === 'object'
      ? { ...(container as Record<string, unknown>) }
      : typeof key === 'number'
        ? []
        : {};
  const child = setAt((copy as Record<string | number, unknown>)[key], rest, next);
  if (child === undefined && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[key];
  else (copy as Record<string | number, unknown>)[key] = child;
  return copy as T;
}

/** A copy of the list at `path` without its `index`-th item. */
export function removeAt<T>(value: T, path: DraftPath, index: number): T {
  const list = getAt(value, path);
  return setAt(value, path, Array.isArray(list) ? list.filter((_, i) => i !== index) : list);
}

/** A copy of the list at `path` with the item at `from` moved to `to` (both within the list). */
export function moveAt<T>(value: T, path: DraftPath, from: number, to: number): T {
  const list = getAt(value, path);
  if (!Array.isArray(list) || to < 0 || to >= list.length) return value;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return setAt(value, path, copy);
}
