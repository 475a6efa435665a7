import { describeKind } from './blocked-addresses.js';

/** A webhook's host resolved to an address it must not reach (see `blocked-addresses.ts`); the delivery is refused. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';
  readonly code = 'ERR_BLOCKED_ADDRESS';

  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly kind: string,
  ) {
    super(`refused: ${hostname} resolves to ${address}, ${describeKind(kind)}`);
  }
}
