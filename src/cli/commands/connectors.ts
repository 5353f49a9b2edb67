// Connectors and giving back from the terminal: kith intro, kith knows, kith who, kith ledger,
// kith insights.
import { InvalidArgumentError, type Command } from 'commander';
import { KithError } from '../../domain/errors.js';
import { shortId } from '../../domain/ids.js';
import type { StoredIntroduction } from '../../store/introductions.js';
import type { Store } from '../../store/store.js';
import type { CliContext } from '../context.js';
import { day, json, table } from '../output.js';

const INTRO_ACTIONS = ['ask-a', 'accept-a', 'ask-b', 'accept-b', 'decline', 'make', 'outcome'];

const smallNumber = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10)
    throw new InvalidArgumentError('a number from 1 to 10');
  return n;
};

function introLine(i: StoredIntroduction): string[] {
  const who =
    i.kind === 'received'
      ? `${i.personAName} introduced you to ${i.personBName}`
      : `you: ${i.personAName} ↔ ${i.personBName}`;
  return [shortId(i.id), i.kind, i.state, who, day(i.createdAt)];
}

function printIntro(ctx: CliContext, intro: StoredIntroduction, asJson: boolean) {
  if (asJson) return ctx.output.out(json(intro));
  const lines = [
    introLine(intro)[3] ?? '',
    `Why: ${intro.reason}`,
    `State: ${intro.state}   Id: ${shortId(intro.id)} (${intro.id})`,
    ...(intro.outcome ? [`Outcome: ${intro.outcome}`] : []),
    intro.allowedActions.length
      ? `Next: kith intro ${intro.allowedActions.join('|')} ${shortId(intro.id)}`
      : 'Closed.',
    'History:',
    ...intro.history.map(
      (e) =>
        `  ${e.at.slice(0, 16).replace('T', ' ')}  ${e.action}: ${e.from} → ${e.to}${e.note ? ` (${e.note})` : ''}`,
    ),
  ];
  ctx.output.out(lines.join('\n'));
}

/** A person by name or id; someone not in Kith yet is created when `create` allows it. */
async function personOrNew(store: Store, text: string, create: boolean) {
  try {
    return { person: await store.people.resolve(text), created: false };
  } catch (error) {
    if (!create || !(error instanceof KithError) || error.code !== 'not_found') throw error;
    return { person: await store.people.create({ displayName: text }), created: true };
  }
}

export function registerConnectorCommands(program: Command, ctx: CliContext): void {
  program
    .command('intro')
    .description(
      'introductions: kith intro received --from Priya --to "Tom Berg"; kith intro make <a> <b> --reason "…"; ' +
        'kith intro list|show|draft <id>; kith intro ask-a|accept-a|ask-b|accept-b|decline|make|outcome <id>',
    )
    .argument('<verb>', 'received, make, list, show, draft, or a step')
    .argument('[args...]', 'the introduction, or the two people to introduce')
    .option('--from <person>', 'with received: who introduced you')
    .option('--to <person>', 'with received: whom you were introduced to (created if new)')
    .option('--reason <text>', 'why they should meet, or what the introduction is about')
    .option('--ask <id>', 'with received: the ask that led to it')
    .option('--campaign <campaign>', 'with received: the campaign it belongs to (name or id)')
    .option('--by <a|b>', 'with decline: who declined')
    .option('--note <text>', 'with outcome: what came of it')
    .option('--message <which>', 'with draft: ask-a, ask-b or connect (default: the next one)')
    .option('--kind <kind>', 'with list: made or received')
    .option('--state <state>', 'with list: only this state')
    .option('--json', 'print JSON')
    .action(
      async (
        verb: string,
        args: string[],
        flags: {
          from?: string;
          to?: string;
          reason?: string;
          ask?: string;
          campaign?: string;
          by?: string;
          note?: string;
          message?: string;
          kind?: string;
          state?: string;
          json?: boolean;
        },
      ) => {
        await ctx.withStore(async (store) => {
          const asJson = !!flags.json;
          if (verb === 'received') {
            if (!flags.from || !flags.to)
              throw new KithError(
                'invalid_input',
                '--from and --to: say who introduced you to whom',
                flags.from ? 'to' : 'from',
              );
            const introducer = await store.people.resolve(flags.from);
            const intro = await store.transaction(async (tx) => {
              const { person } = await personOrNew(tx, flags.to ?? '', true);
              const campaign = flags.campaign ? await tx.campaigns.resolve(flags.campaign) : null;
              const ask = flags.ask ? await tx.asks.get(flags.ask) : null;
              return tx.introductions.receive({
                introducerId: introducer.id,
                personId: person.id,
                reason: flags.reason,
                askId: ask?.id,
                campaignId: campaign?.id,
              });
            });
            return printIntro(ctx, intro, asJson);
          }
          // "make <a> <b>" proposes an introduction; "make <id>" is the step that makes one.
          if (verb === 'make' && args.length !== 1) {
            const [a, b] = args;
            if (!a || !b || args.length > 2)
              throw new KithError(
                'invalid_input',
                'make: name the two people to introduce',
                'people',
              );
            const intro = await store.introductions.propose({
              personA: (await store.people.resolve(a)).id,
              personB: (await store.people.resolve(b)).id,
              reason: flags.reason,
            });
            return printIntro(ctx, intro, asJson);
          }
          if (verb === 'list') {
            const list = await store.introductions.list({ kind: flags.kind, state: flags.state });
            if (asJson) return ctx.output.out(json(list));
            if (list.length === 0)
              return ctx.output.out('No introductions yet: kith intro received --from … --to …');
            return ctx.output.out(
              table(['Id', 'Kind', 'State', 'Who', 'Since'], list.map(introLine), 70),
            );
          }
          const id = args[0];
          if (!id)
            throw new KithError(
              'invalid_input',
              `id: say which introduction (kith intro list shows them)`,
              'id',
            );
          if (verb === 'show') return printIntro(ctx, await store.introductions.get(id), asJson);
          if (verb === 'draft') {
            const draft = await store.introductions.draft(id, flags.message);
            return ctx.output.out(asJson ? json(draft) : draft.text);
          }
          if (!INTRO_ACTIONS.includes(verb))
            throw new KithError(
              'invalid_input',
              `"${verb}" is not received, make, list, show, draft or a step (${INTRO_ACTIONS.join(', ')})`,
              'verb',
            );
          const action = {
            type: verb,
            ...(verb === 'decline' ? { by: flags.by } : {}),
            ...(verb === 'outcome' ? { note: flags.note } : {}),
          };
          return printIntro(ctx, await store.introductions.act(id, action), asJson);
        });
      },
    );

  program
    .command('knows')
    .description(
      'record that two people know each other (kith knows <a> <b> --context "worked together at X"), ' +
        'or list whom one person knows (kith knows <a>)',
    )
    .argument('<person>', 'a person (name or id)')
    .argument('[other]', 'the person they know')
    .option('--context <text>', 'how they know each other')
    .option('--strength <label>', 'strong, good (default) or weak')
    .option('--json', 'print JSON')
    .action(
      async (
        a: string,
        b: string | undefined,
        flags: { context?: string; strength?: string; json?: boolean },
      ) => {
        await ctx.withStore(async (store) => {
          const first = await store.people.resolve(a);
          if (!b) {
            const ties = await store.knows.of(first.id);
            if (flags.json) return ctx.output.out(json(ties));
            if (ties.length === 0)
              return ctx.output.out(`No one recorded as known to ${first.displayName}.`);
            return ctx.output.out(
              table(
                ['Knows', 'Context', 'Strength', 'Source'],
                ties.map((t) => [
                  t.personA === first.id ? t.personBName : t.personAName,
                  t.context ?? '',
                  t.strength.toFixed(1),
                  t.source,
                ]),
                60,
              ),
            );
          }
          const tie = await store.knows.record({
            personA: first.id,
            personB: (await store.people.resolve(b)).id,
            context: flags.context,
            strength: flags.strength,
          });
          ctx.output.out(
            flags.json
              ? json(tie)
              : `${tie.personAName} knows ${tie.personBName}${tie.context ? ` (${tie.context})` : ''}.`,
          );
        });
      },
    );

  program
    .command('who')
    .description('who can help with X: people you know, then warm paths through connectors')
    .argument('<query...>', 'words or a tag, e.g. taxes')
    .option('--k <n>', 'how many warm paths (default 3)', smallNumber)
    .option('--ask <n>', 'draft the introduction request of path n as an ask', smallNumber)
    .option('--json', 'print JSON')
    .action(async (words: string[], flags: { k?: number; ask?: number; json?: boolean }) => {
      const { answer, ask } = await ctx.withStore(async (store) => {
        const found = await store.who({ q: words.join(' '), k: flags.k });
        if (flags.ask === undefined) return { answer: found, ask: null };
        const path = found.paths[flags.ask - 1];
        if (!path)
          throw new KithError(
            'invalid_input',
            `ask: there ${found.paths.length === 1 ? 'is 1 path' : `are ${found.paths.length} paths`} to choose from`,
            'ask',
          );
        return { answer: found, ask: await store.asks.create(path.ask) };
      });
      if (ask) {
        return ctx.output.out(
          flags.json
            ? json(ask)
            : `Drafted an ask to ${ask.personName} (${shortId(ask.id)}): ${ask.question}\nkith draft ${shortId(ask.id)} shows the message.`,
        );
      }
      if (flags.json) return ctx.output.out(json(answer));
      const lines: string[] = [];
      if (answer.direct.length) {
        lines.push('People you know:');
        for (const d of answer.direct) lines.push(`  ${d.explanation}`);
      }
      if (answer.paths.length) {
        lines.push('Through people you know:');
        answer.paths.forEach((p, i) =>
          lines.push(`  ${i + 1}. ${p.explanation} — path strength ${p.strength.toFixed(2)}`),
        );
        lines.push('  (kith who … --ask N drafts the introduction request of path N)');
      }
      ctx.output.out(
        lines.length ? lines.join('\n') : `No one in your network matches "${answer.query}" yet.`,
      );
    });

  program
    .command('ledger')
    .description('what you asked of people and what you gave back (one person, or everyone)')
    .argument('[person]', 'a person (name or id)')
    .option('--json', 'print JSON')
    .action(async (who: string | undefined, flags: { json?: boolean }) => {
      await ctx.withStore(async (store) => {
        if (!who) {
          const lines = await store.ledger.overview();
          if (flags.json) return ctx.output.out(json(lines));
          if (lines.length === 0) return ctx.output.out('Nothing asked or given yet.');
          return ctx.output.out(
            table(
              ['Person', 'Asked', 'Gave', ''],
              lines.map((l) => [
                l.name,
                String(l.asked),
                String(l.gave),
                l.oneSided ? 'one-sided' : '',
              ]),
            ),
          );
        }
        const ledger = await store.ledger.of((await store.people.resolve(who)).id);
        if (flags.json) return ctx.output.out(json(ledger));
        ctx.output.out(
          [
            `${ledger.name}: ${ledger.strength.explanation}`,
            ledger.note,
            ...ledger.entries.map(
              (e) => `  ${day(e.at)}  ${e.direction === 'asked' ? '←' : '→'} ${e.what}`,
            ),
          ].join('\n'),
        );
      });
    });

  program
    .command('insights')
    .description(
      'your network from several vantage points: composition, diversity, connectors, bridges',
    )
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const insights = await ctx.withStore((store) => store.insights());
      if (flags.json) return ctx.output.out(json(insights));
      const share = (
        title: string,
        rows: { name: string; people: number; chats: number; others?: number }[],
      ) =>
        [
          title,
          ...rows.map(
            (r) =>
              `  ${r.others ? `${r.others} others` : r.name}: ${r.people} people, ${r.chats} chats this year`,
          ),
        ].join('\n');
      ctx.output.out(
        [
          `${insights.people} people, ${insights.chatsThisYear} chats in the last year.`,
          insights.diversity.explanation,
          ...insights.hints.map((h) => `Hint: ${h}`),
          share('By organization:', insights.byOrganization),
          share('By unit:', insights.byUnit),
          share('By role:', insights.byRole),
          insights.connectors.length
            ? `Connectors: ${insights.connectors
                .slice(0, 10)
                .map(
                  (c) =>
                    `${c.name} (${c.introductions ? `introduced you to ${c.introductions}` : 'your connector'})`,
                )
                .join(
                  ', ',
                )}${insights.connectors.length > 10 ? `, and ${insights.connectors.length - 10} more` : ''}`
            : 'Connectors: none yet — people who introduce you to others, or carry the connector role.',
          insights.bridges.length
            ? `Bridges: ${insights.bridges
                .slice(0, 10)
                .map((b) => `${b.name} (alone links ${b.holdsTogether} to the rest)`)
                .join(
                  ', ',
                )}${insights.bridges.length > 10 ? `, and ${insights.bridges.length - 10} more` : ''}`
            : 'Bridges: none — every part of your network is linked more than one way.',
        ].join('\n'),
      );
    });
}
