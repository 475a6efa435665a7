/**
 * Whether `origin` may call the public API of a project allowing `allowed`. `*` allows any origin, including the
 * opaque `null` of sandboxed frames and file:// pages; otherwise origins compare exactly, case-insensitively
 * (the scheme and host of an origin are case-insensitive; a configured trailing slash is forgiven).
 */
export function originAllowed(allowed: readonly string[], origin: string): boolean {
  const wanted = origin.toLowerCase();
  return allowed.some((a) => a === '*' || a.toLowerCase().replace(/\/+$/, '') === wanted);
}
