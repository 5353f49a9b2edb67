// What every command gets: where to print, and how to open the store (lazily, once). The
// store's modules are loaded only by a command that opens it: `kith --help` answers without.
import { databaseTarget } from '../config.js';
import { KithError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import type { Output } from './output.js';
import { currentRemote } from './remote.js';

/** What commands call: the store, on a local database or (after `kith login`) on a server. */
export type CliStore = Store;

export interface CliContext {
  output: Output;
  env: NodeJS.ProcessEnv;
  /** Today's date, injectable so tests are reproducible. */
  now: () => Date;
  withStore<T>(work: (store: CliStore) => Promise<T>): Promise<T>;
  /** The server commands go to after `kith login`, or null for the local database. */
  remoteUrl(): string | null;
}

export function cliContext(
  output: Output,
  env: NodeJS.ProcessEnv,
  now = () => new Date(),
): CliContext {
  return {
    output,
    env,
    now,
    remoteUrl: () => currentRemote(env)?.url ?? null,
    async withStore(work) {
      const remote = currentRemote(env);
      if (remote) {
        const { RemoteStore } = await import('./remote-store.js');
        // The same calls, answered by the server's API (remote-store.ts; a test checks that
        // every call a command makes is there).
        return work(new RemoteStore(remote) as unknown as CliStore);
      }
      let told = false;
      const { openStore } = await import('../store/open-store.js');
      const store = await openStore(databaseTarget(env), {
        now,
        onUpgrade: upgrading(output),
        // Said once a run: a write waits for another process (an import, the server's).
        onBusyWait: () => {
          if (!told)
            output.err(
              'Waiting for another Kith process (an import?) to finish writing to the database…',
            );
          told = true;
        },
      });
      try {
        return await work(store);
      } finally {
        await store.close();
      }
    },
  };
}

/** What a command says while an earlier version's database is brought up to date. */
export const upgrading = (output: Output) => (migrations: string[]) =>
  output.err(
    `Upgrading the database for this version of Kith (${migrations.join(', ')}): once; on a large network it takes a few seconds…`,
  );

/** Collects a repeatable option into a list. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Splits "a,b" lists and trims each item. */
export const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/** A yes/no option ("--thank-you no"), or a message naming the option. */
export function yesOrNo(value: string, option: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'yes' || v === 'y') return true;
  if (v === 'no' || v === 'n') return false;
  throw new KithError('invalid_input', `${option}: "${value}" is not yes or no`, option);
}
