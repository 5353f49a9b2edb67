// kith accounts, kith token, kith invite: a server's accounts from the machine that holds its
// database — API tokens for scripts (shown once), invitation links, who has an account.
import type { Command } from 'commander';
import { KithError, parseOrThrow } from '../../domain/errors.js';
import type { AccountWithSecret } from '../../store/accounts.js';
import type { Store } from '../../store/store.js';
import type { CliContext } from '../context.js';
import { day, json, table } from '../output.js';

/** The account a command acts for: the one named, or the only one there is. */
async function accountFor(store: Store, email: string | undefined): Promise<AccountWithSecret> {
  if (email) {
    const account = await store.accounts.byEmail(email.trim().toLowerCase());
    if (!account)
      throw new KithError(
        'not_found',
        `--account: no account has the address ${email}.`,
        'account',
      );
    return account;
  }
  const all = await store.accounts.list();
  if (all.length === 0)
    throw new KithError(
      'invalid_state',
      'There are no accounts yet: start `kith serve --accounts` and sign up in the browser (the first account is the owner).',
    );
  if (all.length > 1)
    throw new KithError(
      'ambiguous',
      `--account: say which account (${all.map((a) => a.email).join(', ')}).`,
      'account',
    );
  const only = await store.accounts.byId(all[0]?.id ?? '');
  if (!only) throw new KithError('not_found', 'The account was removed meanwhile.');
  return only;
}

export function registerAccountCommands(program: Command, ctx: CliContext): void {
  program
    .command('accounts')
    .description('list the accounts of this database (a server started with --accounts)')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const accounts = await ctx.withStore((store) => store.accounts.list());
      if (flags.json) return ctx.output.out(json(accounts));
      if (accounts.length === 0)
        return ctx.output.out(
          'No accounts yet: `kith serve --accounts`, then sign up in the browser.',
        );
      ctx.output.out(
        table(
          ['Email', 'Name', 'Role', 'Since'],
          accounts.map((a) => [a.email, a.name, a.role, day(a.createdAt)]),
        ),
      );
    });

  const token = program
    .command('token')
    .description('API tokens for scripts and other machines (Authorization: Bearer …)');
  token
    .command('create')
    .description('make a token; it is printed once, only its hash is kept')
    .requiredOption('--name <name>', 'what it is for ("backup script")')
    .option('--read-only', 'it may read, never change')
    .option('--account <email>', 'whose token (when there are several accounts)')
    .option('--json', 'print JSON')
    .action(
      async (flags: { name: string; readOnly?: boolean; account?: string; json?: boolean }) => {
        const { tokenCreateSchema } = await import('../../domain/account.js');
        const input = parseOrThrow(tokenCreateSchema, {
          name: flags.name,
          readOnly: flags.readOnly === true,
        });
        const { hashSecret, newSecret, TOKEN_PREFIX } =
          await import('../../server/auth/secrets.js');
        const made = await ctx.withStore(async (store) => {
          const account = await accountFor(store, flags.account);
          const secret = newSecret(TOKEN_PREFIX);
          const saved = await store.accounts.createToken({
            accountId: account.id,
            name: input.name,
            hash: hashSecret(secret),
            prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
            readOnly: input.readOnly,
          });
          return { ...saved, token: secret, account: account.email };
        });
        if (flags.json) return ctx.output.out(json(made));
        ctx.output.out(made.token);
        ctx.output.err(
          `Token "${made.name}" for ${made.account}${made.readOnly ? ' (read-only)' : ''}: shown only now, copy it somewhere safe. Revoke it with \`kith token revoke ${made.id}\`.`,
        );
      },
    );
  token
    .command('list')
    .description('the tokens of an account, with their last use')
    .option('--account <email>', 'whose tokens (when there are several accounts)')
    .option('--json', 'print JSON')
    .action(async (flags: { account?: string; json?: boolean }) => {
      const tokens = await ctx.withStore(async (store) =>
        store.accounts.listTokens((await accountFor(store, flags.account)).id),
      );
      if (flags.json) return ctx.output.out(json(tokens));
      if (tokens.length === 0) return ctx.output.out('No tokens.');
      ctx.output.out(
        table(
          ['Id', 'Name', 'Starts with', 'Read-only', 'Last used'],
          tokens.map((t) => [
            t.id,
            t.name,
            `${t.prefix}…`,
            t.readOnly ? 'yes' : '',
            day(t.lastUsedAt) || 'never',
          ]),
          60,
        ),
      );
    });
  token
    .command('revoke <id>')
    .description('revoke a token: it stops working at once')
    .option('--account <email>', 'whose token (when there are several accounts)')
    .action(async (id: string, flags: { account?: string }) => {
      await ctx.withStore(async (store) =>
        store.accounts.revokeToken((await accountFor(store, flags.account)).id, id.trim()),
      );
      ctx.output.out(`Revoked ${id.trim()}.`);
    });

  program
    .command('invite')
    .description('an invitation link to make an account on this server (valid a week, used once)')
    .option('--email <email>', 'only this address may use it')
    .option('--url <url>', 'the address people use to reach the server (else KITH_PUBLIC_URL)')
    .action(async (flags: { email?: string; url?: string }) => {
      const base = flags.url ?? ctx.env.KITH_PUBLIC_URL;
      if (!base?.trim())
        throw new KithError(
          'invalid_input',
          '--url: say where people reach the server (https://kith.example.org), or set KITH_PUBLIC_URL.',
          'url',
        );
      let origin: string;
      try {
        origin = new URL(base.trim()).origin;
      } catch {
        throw new KithError('invalid_input', `--url: "${base}" is not an address.`, 'url');
      }
      const { hashSecret, newSecret } = await import('../../server/auth/secrets.js');
      const { emailSchema } = await import('../../domain/account.js');
      const email = flags.email ? parseOrThrow(emailSchema, flags.email, 'email') : null;
      const secret = newSecret();
      await ctx.withStore(async (store) => {
        const owner = (await store.accounts.list()).find((a) => a.role === 'owner');
        if (!owner)
          throw new KithError(
            'invalid_state',
            'There is no owner yet: the first person to sign up on the server becomes it, and needs no invitation.',
          );
        await store.accounts.createInvitation({
          createdBy: owner.id,
          hash: hashSecret(secret),
          email,
        });
      });
      ctx.output.out(`${origin}/sign-up?invitation=${secret}`);
    });
}
