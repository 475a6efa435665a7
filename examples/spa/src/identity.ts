import { closeloop } from './shop-closeloop.js';

interface SignedIdentity {
  userId: string;
  signature: string;
}

function isSignedIdentity(value: unknown): value is SignedIdentity {
  if (typeof value !== 'object' || value === null) return false;
  const { userId, signature } = value as Record<string, unknown>;
  return typeof userId === 'string' && userId !== '' && typeof signature === 'string' && /^[0-9a-f]{64}$/.test(signature);
}

/**
 * Asks the backend who is logged in and for their signature, then identifies the visitor so answers are stored
 * as that (verified) user. Without the backend the visitor stays anonymous: surveys still work.
 */
export async function identifyFromBackend(): Promise<void> {
  try {
    const res = await fetch('/api/closeloop-identity', { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET /api/closeloop-identity answered ${res.status}`);
    const body: unknown = await res.json();
    if (!isSignedIdentity(body)) throw new Error('GET /api/closeloop-identity did not answer { userId, signature }');
    closeloop.identify(body.userId, { plan: 'pro' }, { signature: body.signature });
  } catch (error) {
    console.warn(`Trail Shop: staying anonymous for Closeloop (${error instanceof Error ? error.message : String(error)})`);
  }
}
