import { describe, expect, it } from 'vitest';
import { parseUsersArgs } from './parse-users-args.js';

describe('parseUsersArgs', () => {
  it('reads users add with its flags, and users list', () => {
    expect(parseUsersArgs(['add', '--email', 'Ana@Shop.example', '--role', 'agent', '--name=Ana B', '--project', 'pk_shop', '--data', '/tmp/x'])).toEqual({
      action: 'add',
      email: 'ana@shop.example',
      role: 'agent',
      name: 'Ana B',
      project: 'pk_shop',
      store: { data: '/tmp/x', config: undefined },
    });
    expect(parseUsersArgs(['add', '--email', 'a@b.example', '--role', 'viewer'])).toMatchObject({ name: undefined, project: undefined, store: { data: undefined, config: undefined } });
    expect(parseUsersArgs(['list', '--config', 'x.json'])).toEqual({ action: 'list', store: { data: undefined, config: 'x.json' } });
  });

  it.each([
    [[], /missing users command/],
    [['remove'], /unknown users command "remove"/],
    [['add', '--role', 'admin'], /--email is required/],
    [['add', '--email', 'nope', '--role', 'admin'], /--email must be an email address, got "nope"/],
    [['add', '--email', 'a@b.example'], /--role is required/],
    [['add', '--email', 'a@b.example', '--role', 'owner'], /--role must be admin, agent or viewer, got "owner"/],
    [['add', '--email', 'a@b.example', '--role', 'admin', '--name', ' '], /--name must be/],
    [['add', '--email', 'a@b.example', '--role', 'admin', '--project', 'sk_secret'], /--project must be a project's public key/],
    [['add', '--email', 'a@b.example', '--role', 'admin', '--password', 'x'], /--password/],
    [['list', '--role', 'admin'], /--role only applies to closeloop users add/],
    [['list', 'now'], /unexpected argument "now"/],
  ])('rejects %j naming the problem', (argv, message) => {
    expect(() => parseUsersArgs(argv)).toThrow(message);
  });
});
