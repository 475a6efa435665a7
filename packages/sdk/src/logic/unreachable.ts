/**
 * The `default` of a switch that handles every member of a union (a question type, a condition's op): the call
 * compiles only while `value` is `never`, so a member added to the union makes tsc name this switch until it is
 * handled. Reached at run time only by a value the types rule out; it throws, naming `what` and the value.
 *
 * Browser code that must survive a question type newer than itself (a config from a newer server) does not throw:
 * it ends its switch with the type-only `question.type satisfies never;`, which costs no byte.
 */
export function unreachable(value: never, what: string): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
