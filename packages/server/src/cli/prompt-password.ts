import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/**
 * Asks for a line on the terminal without echoing it: the prompt is written, then what is typed is swallowed. For
 * `closeloop users add` on a TTY.
 */
export function promptHidden(question: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stdout): Promise<string> {
  let muted = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) output.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input, output: sink, terminal: true });
  return new Promise((resolve, reject) => {
    rl.question(question, (answer) => {
      rl.close();
      output.write('\n');
      resolve(answer);
    });
    muted = true;
    rl.on('SIGINT', () => {
      rl.close();
      output.write('\n');
      reject(new Error('cancelled'));
    });
  });
}
