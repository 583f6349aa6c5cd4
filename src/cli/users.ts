/**
 * `npm run users -- <command>`: manage curating accounts in the server's data folder (MUSEUM_DATA_DIR).
 *
 *   add <name> --role <admin|curator|conservator|keeper> [--community <id>]   password from standard input
 *   list
 *   remove <name>
 *   set-role <name> <role|none> [--community <id>]
 *   set-password <name>                                                        password from standard input
 *
 * The password is read from standard input (piped, or typed at the prompt), never from the command line,
 * where it would stay in the shell's history and the process list.
 */
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../server/accounts/permissions';
import { AccountError, AccountStore } from '../server/accounts/store';

const USAGE = `usage: npm run users -- add <name> --role <${ROLES.join('|')}> [--community <id>]   (password on standard input)
       npm run users -- list | remove <name> | set-role <name> <role|none> [--community <id>] | set-password <name>`;

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line.replace(/\r$/, '');
  }
  throw new AccountError('no password on standard input');
}

function role(s: string | undefined): Role | null {
  if (s === 'none') return null;
  if (!s || !(ROLES as readonly string[]).includes(s)) throw new AccountError(`role must be one of ${ROLES.join(', ')}${s === undefined ? '' : ' or none'}`);
  return s as Role;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, community: { type: 'string' } } });
  const [command, name, extra] = positionals;
  const dataDir = resolve(process.env.MUSEUM_DATA_DIR || 'data');
  mkdirSync(dataDir, { recursive: true });
  const store = AccountStore.open(dataDir);
  try {
    switch (command) {
      case 'add': {
        if (!name) throw new AccountError(USAGE);
        const a = await store.add({ name, role: role(values.role), community: values.community ?? null, password: await readPassword() });
        console.log(`added ${a.name} (${a.role}${a.community ? ` of ${a.community}` : ''})`);
        break;
      }
      case 'list':
        for (const a of store.list()) console.log(`${a.name}\t${a.role ?? 'none'}${a.community ? `\t${a.community}` : ''}`);
        break;
      case 'remove':
        if (!name) throw new AccountError(USAGE);
        store.remove(name);
        console.log(`removed ${name}`);
        break;
      case 'set-role': {
        if (!name) throw new AccountError(USAGE);
        const a = store.setRole(name, role(extra ?? values.role), values.community ?? null);
        console.log(`${a.name} is now ${a.role ?? 'without a role'}${a.community ? ` of ${a.community}` : ''} (a running server applies it at once)`);
        break;
      }
      case 'set-password':
        if (!name) throw new AccountError(USAGE);
        await store.setPassword(name, await readPassword());
        console.log(`new password set for ${name}; their sessions are ended`);
        break;
      default:
        throw new AccountError(USAGE);
    }
  } finally {
    store.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof AccountError ? e.message : e);
  process.exit(1);
});
