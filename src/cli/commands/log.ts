// kith log <person>[,<person>…] --kind coffee --date 2026-11-20 --summary "…" --insight "…"
import type { Command } from 'commander';
import { collect, splitList, yesOrNo, type CliContext } from '../context.js';
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
    .option('--thank-you <yes|no>', 'no: this chat needs no thank-you (default: its kind decides)')
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
          thankYou?: string;
          json?: boolean;
        },
      ) => {
        const thanks =
          flags.thankYou === undefined ? undefined : yesOrNo(flags.thankYou, '--thank-you');
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
              ...(thanks === undefined ? {} : { thankYou: thanks ? 'owed' : 'not-needed' }),
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
            `  (${interaction.id})` +
            (interaction.thankYou === 'owed'
              ? `\nA thank-you is owed: kith thanked "${interaction.participants[0]?.displayName ?? ''}" once it is sent.`
              : ''),
        );
      },
    );

  program
    .command('thanked')
    .description('settle the thank-yous owed to someone: their chats and the asks they met you for')
    .argument('<person>', 'name, email or id')
    .option('--not-needed', 'none is needed after all (it leaves Today)')
    .action(async (who: string, flags: { notNeeded?: boolean }) => {
      const settled = await ctx.withStore((store) =>
        store.transaction(async (tx) => {
          const person = await tx.people.resolve(who);
          const chats = (
            await tx.interactions.list({ personId: person.id, limit: 1000 })
          ).items.filter((i) => i.thankYou === 'owed');
          for (const chat of chats)
            await tx.interactions.update(chat.id, {
              thankYou: flags.notNeeded ? 'not-needed' : 'thanked',
            });
          // An ask's chat is thanked through the ask (declining it is declining the chat's).
          const asks = flags.notNeeded
            ? []
            : (await tx.asks.list({ state: 'met', direction: 'outgoing', limit: 1000 })).filter(
                (a) => a.personId === person.id,
              );
          for (const ask of asks) await tx.asks.act(ask.id, { type: 'thank' });
          return { person, chats: chats.length, asks: asks.length };
        }),
      );
      const { person, chats, asks } = settled;
      if (chats + asks === 0)
        return ctx.output.out(`No thank-you was owed to ${person.displayName}.`);
      const parts = [
        ...(chats ? [`${chats} chat${chats === 1 ? '' : 's'}`] : []),
        ...(asks ? [`${asks} ask${asks === 1 ? '' : 's'}`] : []),
      ];
      ctx.output.out(
        flags.notNeeded
          ? `No thank-you needed to ${person.displayName} for ${parts.join(' and ')}.`
          : `Thanked ${person.displayName} for ${parts.join(' and ')}.`,
      );
    });
}
