import type { Db } from '../db/db.js';
import { addLogin } from '../console-auth/add-login.js';
import { generatePassword, hashPassword } from '../console-auth/password.js';
import { listLogins } from '../repos/members.js';
import { CommandError } from './command-error.js';
import type { UsersArgs } from './parse-users-args.js';
import { projectFor } from './project-for.js';

/** What `closeloop users` talks to: the terminal (or not), a hidden prompt, and the two output streams. */
export interface UsersIo {
  /** Whether a person is at the terminal: then the password is asked for, else one is generated and printed once. */
  interactive: boolean;
  promptHidden(question: string): Promise<string>;
  out(line: string): void;
}

/** A problem with the data rather than the command line (the email signs in already, passwords differ): exit 1. */
export class UsersCommandError extends CommandError {
  override readonly name = 'UsersCommandError';
}

const MIN_PASSWORD = 10;

/** `closeloop users add|list` on an open database. */
export async function runUsers(db: Db, args: UsersArgs, io: UsersIo, now: Date): Promise<void> {
  if (args.action === 'list') {
    const logins = await listLogins(db.kysely);
    if (logins.length === 0) return io.out('No console users yet: add one with `closeloop users add --email … --role admin`.');
    for (const { member, projectKey } of logins) io.out(`${member.email.padEnd(32)} ${member.role.padEnd(7)} ${projectKey.padEnd(16)} ${member.name}`);
    return;
  }

  const project = await projectFor(db.kysely, args.project);
  let password: string;
  let generated = false;
  if (io.interactive) {
    password = await io.promptHidden(`Password for ${args.email} (at least ${MIN_PASSWORD} characters): `);
    if (password.length < MIN_PASSWORD || password.length > 200) throw new UsersCommandError(`the password must be ${MIN_PASSWORD} to 200 characters`);
    if ((await io.promptHidden('Again: ')) !== password) throw new UsersCommandError('the passwords differ; nothing was changed');
  } else {
    password = generatePassword();
    generated = true;
  }
  const name = args.name ?? args.email.split('@')[0] ?? args.email;
  const result = await addLogin(db, { projectId: project.id, email: args.email, name, role: args.role, passwordHash: await hashPassword(password) }, now);
  if (result.outcome === 'email_taken') {
    const where = result.projectId === project.id ? `project ${project.publicKey}` : 'another project of this server';
    throw new UsersCommandError(`${args.email} already signs in (${where}): one email, one console login`);
  }
  const verb = result.outcome === 'created' ? 'Added' : 'Gave the existing member';
  io.out(`${verb} ${result.member.email} (${result.member.role}) a console login on ${project.publicKey} (${project.name}).`);
  if (generated) io.out(`Password (shown once, not stored in clear): ${password}`);
}
