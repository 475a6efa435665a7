/** Where a setting's value came from, so an error can send the reader to the right place. */
export type SettingSource =
  | { kind: 'flag'; flag: string }
  | { kind: 'env'; variable: string }
  | { kind: 'file'; file: string }
  | { kind: 'default' };

/** `--port`, `CLOSELOOP_PORT`, `/srv/closeloop.config.json`, `the default`: how an error says where a value came from. */
export function describeSource(source: SettingSource): string {
  switch (source.kind) {
    case 'flag':
      return `--${source.flag}`;
    case 'env':
      return `environment variable ${source.variable}`;
    case 'file':
      return source.file;
    case 'default':
      return 'the default';
  }
}
