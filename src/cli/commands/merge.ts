// kith merge: the pairs that may be one person, merging one into another, and saying two
// people are two. People are named as everywhere else: a name, or an id (short or full).
import { InvalidArgumentError, type Command } from 'commander';
import { KithError } from '../../domain/errors.js';
import { shortId } from '../../domain/ids.js';
import type { CliContext } from '../context.js';
import { json, table } from '../output.js';

const limitOf = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidArgumentError('1 to 500');
  return n;
};

export function registerMergeCommand(program: Command, ctx: CliContext): void {
  program
    .command('merge')
    .description(
      'duplicates: with no names, the pairs that may be one person; kith merge <keep> <other> ' +
        'merges other into keep (their chats, asks, follow-ups, introductions and ties move); ' +
        'kith merge --not <a> <b> says they are two people',
    )
    .argument('[keep]', 'the person to keep (name or id)')
    .argument('[other]', 'the person merged into them, then deleted (name or id)')
    .option('--not', 'they are two different people: stop suggesting the pair')
    .option('--limit <n>', 'how many pairs to list', limitOf, 20)
    .option('--json', 'print JSON')
    .action(
      async (
        keepText: string | undefined,
        otherText: string | undefined,
        flags: { not?: boolean; limit: number; json?: boolean },
      ) => {
        if (!keepText) {
          const pairs = await ctx.withStore((store) => store.merges.suggestions(flags.limit));
          if (flags.json) return ctx.output.out(json(pairs));
          if (pairs.length === 0) return ctx.output.out('No likely duplicates.');
          ctx.output.out(
            table(
              ['score', 'one', 'other', 'why'],
              pairs.map((p) => [
                p.score.toFixed(2),
                `${p.people[0].displayName} (${shortId(p.people[0].id)})`,
                `${p.people[1].displayName} (${shortId(p.people[1].id)})`,
                p.reasons.join('; '),
              ]),
              60,
            ),
          );
          return ctx.output.out(
            'kith merge <keep> <other> merges a pair; kith merge --not <a> <b> keeps them apart.',
          );
        }
        if (!otherText)
          throw new KithError('invalid_input', 'other: name the second person too', 'other');
        await ctx.withStore(async (store) => {
          const keep = await store.people.resolve(keepText);
          const other = await store.people.resolve(otherText);
          if (flags.not) {
            await store.merges.dismiss(keep.id, other.id);
            return ctx.output.out(
              `${keep.displayName} and ${other.displayName} are two people: not suggested again.`,
            );
          }
          const merged = await store.merges.merge(keep.id, other.id);
          if (flags.json) return ctx.output.out(json(merged));
          ctx.output.out(
            `Merged ${other.displayName} into ${merged.displayName} (${shortId(merged.id)}): their conversations, asks, follow-ups, introductions and ties are ${merged.displayName}'s now.`,
          );
        });
      },
    );
}
