let lastMs = -1;
let sequence = 0;

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then 12 bits used as a counter within one millisecond
 * (seeded randomly, method 1 of §6.2), then 62 random bits. Ids made by one page therefore sort in creation
 * order, even within a millisecond or when the clock steps back. Uses `crypto.getRandomValues`, which, unlike
 * `crypto.randomUUID`, also works on plain-http pages.
 */
export function uuidv7(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  if (now > lastMs) {
    lastMs = now;
    // Start in the lower half so the counter has room to grow before it spills into the next millisecond.
    sequence = ((bytes[6]! << 8) | bytes[7]!) & 0x7ff;
  } else if (++sequence > 0xfff) {
    lastMs++;
    sequence = 0;
  }
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  // 12 hex digits of milliseconds (48 bits), then the version nibble and the counter, then 16 random digits
  // (the variant bits set above); dashes go in by position.
  const random = Array.from(bytes.subarray(8), (b) => (b + 256).toString(16).slice(1)).join('');
  return `${lastMs.toString(16).padStart(12, '0')}${(0x7000 | sequence).toString(16)}${random}`.replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
