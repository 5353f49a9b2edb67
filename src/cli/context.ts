// What every command gets: where to print, and how to open the store (lazily, once). The
// store's modules are loaded only by a command that opens it: `kith --help` answers without.
import { databaseTarget } from '../config.js';
import type { Store } from '../store/store.js';
import type { Output } from './output.js';

export interface CliContext {
  output: Output;
  env: NodeJS.ProcessEnv;
  /** Today's date, injectable so tests are reproducible. */
  now: () => Date;
  withStore<T>(work: (store: Store) => Promise<T>): Promise<T>;
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
    async withStore(work) {
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
