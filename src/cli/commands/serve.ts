// kith serve: the HTTP API (and, later, the web app) on this machine.
import { InvalidArgumentError, type Command } from 'commander';
import { describeTarget, readConfig } from '../../config.js';
import { upgrading, type CliContext } from '../context.js';

export const parsePort = (value: string): number => {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  }
  return port;
};

export function registerServeCommand(program: Command, ctx: CliContext, version: string): void {
  program
    .command('serve')
    .description('serve the API and web app (binds to 127.0.0.1 unless told otherwise)')
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort)
    .option('--host <host>', 'address to bind to (any but loopback needs --accounts)')
    .option('--accounts', 'require sign-in: accounts, sessions and API tokens (KITH_ACCOUNTS=1)')
    .action(async (flags: { port?: number; host?: string; accounts?: boolean }) => {
      const config = readConfig(flags, ctx.env);
      const { refuseOpenWithoutAccounts } = await import('../../server/serve.js');
      refuseOpenWithoutAccounts(config.host, config.accounts);
      const [{ openStore }, { startServer }] = await Promise.all([
        import('../../store/open-store.js'),
        import('../../server/serve.js'),
      ]);
      const store = await openStore(config.database, { onUpgrade: upgrading(ctx.output) });
      const server = await startServer(store, {
        host: config.host,
        port: config.port,
        version,
        allowedHosts: config.allowedHosts,
        accounts: config.accounts,
        publicUrl: config.publicUrl,
      });
      const counts = await store.counts();
      ctx.output.out(`Kith is serving ${describeTarget(config.database)}`);
      if (config.accounts)
        ctx.output.out(
          (await store.accounts.count()) === 0
            ? 'Accounts are on and there are none yet: the first person to sign up becomes the owner.'
            : 'Accounts are on: sign in to use it.',
        );
      else if (counts.people === 0)
        ctx.output.out(
          'Your network is empty: open the address below to load a sample one (or run `kith demo`).',
        );
      // The URL comes last, so a script that waits for it has read everything before it.
      ctx.output.out(`Open ${server.url}`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}
