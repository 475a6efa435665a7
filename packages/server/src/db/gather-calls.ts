/**
 * Gathers the calls made until `schedule` fires into one `run` of all their inputs, in the order they were made;
 * each call resolves with its own result (the one at its index), or rejects with the run's error. Calls made after
 * that start the next gathering. What shares one statement here: the fan-outs a job claim starts together
 * (`queueMicrotask`), the inserts of a batch's answers (`setImmediate`, after their cached survey lookups).
 */
export function gatherCalls<I, O>(schedule: (flush: () => void) => void, run: (inputs: I[]) => Promise<O[]>): (input: I) => Promise<O> {
  type Call = { input: I; resolve: (output: O) => void; reject: (error: unknown) => void };
  let gathering: Call[] | null = null;
  return (input) =>
    new Promise<O>((resolve, reject) => {
      if (gathering === null) {
        const calls: Call[] = (gathering = []);
        schedule(() => {
          gathering = null;
          run(calls.map((call) => call.input)).then(
            (outputs) => calls.forEach((call, i) => call.resolve(outputs[i]!)),
            (error: unknown) => calls.forEach((call) => call.reject(error)),
          );
        });
      }
      gathering.push({ input, resolve, reject });
    });
}
