// kith log <person>[,<person>…] --kind coffee --date 2026-11-20 --summary "…" --insight "…"
import type { Command } from 'commander';
import { collect, splitList, type CliContext } from '../context.js';
import { day, json } from '../output.js';

const localDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function registerLogCommand(program: Command, ctx: CliContext): void {
  program
    .command('log')
    .description('log an interaction with one or more people')
    .argument('<people>', 'names, emails or ids, separated by commas')
    .requiredOption('--summary <text>', 'what it was about, in a line')
    .option('--kind <kind>', 'coffee, video-call, call, email, message, meeting or event', 'coffee')
    .option('--date <date>', 'YYYY-MM-DD or an ISO date-time (default: today)')
    .option('--note <markdown>', 'notes (repeatable; joined as paragraphs)', collect)
    .option('--insight <text>', 'something you learned (repeatable)', collect)
    .option('--json', 'print JSON')
    .action(
      async (
        who: string,
        flags: {
          summary: string;
          kind: string;
          date?: string;
          note?: string[];
          insight?: string[];
          json?: boolean;
        },
      ) => {
        const interaction = await ctx.withStore((store) =>
          store.transaction(async (tx) => {
            const names = splitList(who);
            const people = [];
            for (const name of names) people.push(await tx.people.resolve(name));
            return tx.interactions.create({
              occurredAt: flags.date ?? localDate(ctx.now()),
              kind: flags.kind,
              summary: flags.summary,
              notes: flags.note?.join('\n\n'),
              insights: flags.insight,
              participantIds: people.map((p) => p.id),
            });
          }),
        );
        if (flags.json) return ctx.output.out(json(interaction));
        const who2 = interaction.participants.map((p) => p.displayName).join(', ');
        ctx.output.out(
          `Logged ${interaction.kind} with ${who2} on ${day(interaction.occurredAt)}` +
            (interaction.insights.length
              ? `, ${interaction.insights.length} insight${interaction.insights.length === 1 ? '' : 's'}`
              : '') +
            `  (${interaction.id})`,
        );
      },
    );
}
