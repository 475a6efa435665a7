/** The encodings a served file may come in, best first: what the browsers of the shops' visitors all accept. */
export const ENCODINGS = ['br', 'gzip'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/**
 * The best encoding of {@link ENCODINGS} an `Accept-Encoding` header allows, or undefined for the bytes as they are.
 * `q=0` refuses one (`br;q=0`), `*` stands for any not named; a malformed weight counts as 1, as the header is a
 * hint and the identity answer is always right.
 */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (name === '') continue;
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isNaN(weight) ? 1 : weight);
  }
  return ENCODINGS.find((encoding) => (weights.get(encoding) ?? weights.get('*') ?? 0) > 0);
}
