import type { Respondent } from '../schemas/respondent.js';
import { ANONYMOUS_ID_MAX, USER_ID_MAX } from '../schemas/submission-limits.js';
import { cleanAttributes } from './clean-attributes.js';
import { isRecord } from './is-record.js';
import { readJson, type StorageLike } from './safe-storage.js';
import type { Attributes } from './types.js';
import { uuidv7 } from './uuidv7.js';
import { warn } from './warn.js';

const ANONYMOUS_KEY = 'closeloop:anon';
const USER_KEY = 'closeloop:user';
const SIGNATURE = /^[0-9a-f]{64}$/;

type User = Omit<Respondent, 'anonymousId'>;

export interface Identity {
  /** Who is answering right now: read at each answer, so an `identify()` mid-survey applies to the next answer. */
  respondent(): Respondent;
  /** The identified user, if any, without making an anonymous id: what a page that shows nothing needs. */
  user(): User | undefined;
  identify(userId: string, attributes?: Attributes, signature?: string): void;
  reset(): void;
}

/**
 * The anonymous device id and the identified user, both persisted so answers on later pages stay linked. The
 * anonymous id is read, or made and stored, only when first needed (an answer, feedback, a targeting decision): a
 * page view that shows nothing makes no id and writes nothing for it.
 */
export function createIdentity(storage: StorageLike): Identity {
  let anonymousId: string | undefined;
  const anonymous = (): string => {
    if (anonymousId) return anonymousId;
    const saved = storage.getItem(ANONYMOUS_KEY);
    if (saved && saved.length <= ANONYMOUS_ID_MAX) return (anonymousId = saved);
    // A UUIDv7 rather than `crypto.randomUUID()`, which exists only in secure contexts (plain-http sites need an
    // id too) and would be a second generator in the core's bytes.
    anonymousId = uuidv7();
    storage.setItem(ANONYMOUS_KEY, anonymousId);
    return anonymousId;
  };
  let user = parseUser(readJson(storage, USER_KEY));

  return {
    respondent: () => ({ anonymousId: anonymous(), ...user }),
    user: () => user,
    identify(userId, attributes, signature) {
      if (typeof userId !== 'string' || !userId || userId.length > USER_ID_MAX) {
        warn(`identify() needs a userId of 1–${USER_ID_MAX} characters; ignored`);
        return;
      }
      if (signature !== undefined && !SIGNATURE.test(signature)) {
        warn('identify() signature is not a hex HMAC-SHA256: sent unverified');
        signature = undefined;
      }
      user = { userId, attributes: attributes && cleanAttributes(attributes), signature };
      storage.setItem(USER_KEY, JSON.stringify(user));
    },
    reset() {
      user = undefined;
      storage.removeItem(USER_KEY);
      // The next answer starts a new anonymous visitor, on this page or a later one.
      anonymousId = undefined;
      storage.removeItem(ANONYMOUS_KEY);
    },
  };
}

/** A stored user, or nothing when the record is missing, corrupt or written by something else. */
function parseUser(value: unknown): User | undefined {
  if (!isRecord(value) || typeof value.userId !== 'string') return undefined;
  return {
    userId: value.userId,
    attributes: isRecord(value.attributes) ? cleanAttributes(value.attributes as Attributes) : undefined,
    signature: typeof value.signature === 'string' && SIGNATURE.test(value.signature) ? value.signature : undefined,
  };
}
