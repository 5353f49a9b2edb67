// kith demo: fills the workspace with a realistic sample network, with a progress bar.
import { SingleBar, Presets } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { DEMO_DEFAULTS } from '../../demo/defaults.js';
import type { BulkPhase } from '../../store/bulk-load.js';
import type { CliContext } from '../context.js';
import { json } from '../output.js';
import type { RemoteStore } from '../remote-store.js';

const positiveInt = (max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
  return n;
};

export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('load a realistic sample network (deterministic for a seed and a day)')
    .option('--size <n>', 'how many people', positiveInt(1_000_000), DEMO_DEFAULTS.size)
    .option('--seed <n>', 'random seed', positiveInt(2 ** 31), DEMO_DEFAULTS.seed)
    .option(
      '--interactions <n>',
      'interactions per person on average',
      positiveInt(100),
      DEMO_DEFAULTS.interactionsPerPerson,
    )
    .option('--force', 'add to a workspace that already has people')
    .option('--json', 'print JSON')
    .action(
      async (flags: {
        size: number;
        seed: number;
        interactions: number;
        force?: boolean;
        json?: boolean;
      }) => {
        const result = await ctx.withStore(async (store) => {
          const remote = ctx.remoteUrl();
          if (remote) {
            return (store as unknown as RemoteStore).sampleNetwork(flags.size);
          }
          const showBar = !flags.json && process.stderr.isTTY;
          const bar = new SingleBar(
            { format: ' {phase} [{bar}] {value}/{total}', hideCursor: true },
            Presets.shades_classic,
          );
          let phase: BulkPhase | undefined;
          try {
            const { loadDemo } = await import('../../demo/load-demo.js');
            return await loadDemo(store, {
              size: flags.size,
              seed: flags.seed,
              interactionsPerPerson: flags.interactions,
              now: ctx.now(),
              force: flags.force,
              onProgress: (p, done, total) => {
                if (!showBar) return;
                if (p !== phase) {
                  if (phase) bar.stop();
                  phase = p;
                  bar.start(total, done, { phase: p.padEnd(12) });
                }
                bar.update(done, { phase: p.padEnd(12) });
              },
            });
          } finally {
            if (showBar && phase) bar.stop();
          }
        });
        ctx.output.out(
          flags.json
            ? json(result)
            : `Loaded a sample network: ${result.people} people, ${result.interactions} interactions, ` +
                `${result.insights} insights, and a campaign with ${result.asks} asks under way (see kith today).`,
        );
      },
    );
}
