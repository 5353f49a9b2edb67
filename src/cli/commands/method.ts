// The networking method from the terminal: kith ask, kith campaign, kith cadence, kith today.
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { userTimeZone } from '../../config.js';
import { parseCadence, formatCadence } from '../../domain/cadence-text.js';
import { KithError } from '../../domain/errors.js';
import { ASK_PURPOSES, type AskPurpose } from '../../domain/method/ask-purposes.js';
import { SETTING_KEYS } from '../../domain/method/setting-keys.js';
import { INTRO_MESSAGES, type IntroMessage } from '../../domain/connect/intro-drafts.js';
import { shortId } from '../../domain/ids.js';
import type { StoredAsk } from '../../store/asks.js';
import { collect, type CliContext } from '../context.js';
import { day, json, table } from '../output.js';

/**
 * What a user types after "kith ask" to mark an ask, and the action it stands for: the state
 * it reaches ("replied") or the action itself ("reply"), as people type either.
 */
const MARKS: Record<string, string> = {
  sent: 'send',
  nudged: 'nudge',
  replied: 'reply',
  scheduled: 'schedule',
  met: 'meet',
  thanked: 'thank',
  declined: 'decline',
  'moved-on': 'move-on',
};
const VERBS: Record<string, string> = {
  ...MARKS,
  ...Object.fromEntries(Object.values(MARKS).map((action) => [action, action])),
};

const wholeNumber = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return n;
};

/** Whose ask it is, as a list shows it: "Lee Park" asked by the user, "Lee Park → you" by Lee. */
const askedBy = (a: StoredAsk) =>
  a.direction === 'incoming' ? `${a.personName} → you` : a.personName;

function askLine(a: StoredAsk): string[] {
  return [shortId(a.id), askedBy(a), a.state, a.question, day(a.sentAt)];
}

function printAsk(ctx: CliContext, ask: StoredAsk, asJson: boolean) {
  if (asJson) return ctx.output.out(json(ask));
  const lines = [
    ask.direction === 'incoming'
      ? `${ask.personName} asked you: ${ask.question}`
      : `${ask.personName}: ${ask.question}`,
    `State: ${ask.state}${ask.scheduledFor ? ` (chat ${ask.scheduledFor})` : ''}   Id: ${shortId(ask.id)} (${ask.id})`,
    ...ask.warnings.map((w) => `Note: ${w}`),
    'History:',
    ...ask.history.map(
      (e) =>
        `  ${e.at.slice(0, 16).replace('T', ' ')}  ${e.from} → ${e.to}${e.note ? ` (${e.note})` : ''}`,
    ),
  ];
  ctx.output.out(lines.join('\n'));
}

/** How a blank of a draft is filled in from the command line. */
const HOW_TO_FILL: Record<string, string> = {
  my_name: 'your name with kith settings set my-name "…"',
  my_intro: 'a sentence about you with kith settings set my-intro "…"',
  work: 'the piece of work with --work "…"',
  topic: 'the topic with --topic "…"',
  organization: 'their organization with --org "…" (or kith edit … --org)',
};

export function registerMethodCommands(program: Command, ctx: CliContext): void {
  program
    .command('ask')
    .description(
      'draft an ask to one person (kith ask <person> --question "…"), note one they asked you ' +
        '(add --from-them), list them (kith ask list), ' +
        'or mark one (kith ask sent|nudged|replied|scheduled|met|thanked|declined|moved-on <id>)',
    )
    .argument('<person-or-verb>', 'a person, or list, show, or a state to mark')
    .argument('[id]', 'the ask, when marking or showing one')
    .option('--question <text>', 'the one specific question')
    .option('--purpose <purpose>', 'path, feedback, advice or intro')
    .option('--minutes <n>', 'how long a chat to ask for', wholeNumber)
    .option('--campaign <campaign>', 'the campaign it belongs to (name or id)')
    .option(
      '--from-them',
      'they asked you (it waits on your answer; --at is when they asked); with list: only those',
    )
    .option('--mine', 'with list: only the asks you made')
    .option('--state <state>', 'with list: only asks in this state')
    .option('--limit <n>', 'with list: how many, newest first (default 200)', wholeNumber)
    .option('--for <datetime>', 'with scheduled: when the chat is (ISO-8601, with a zone)')
    .option('--at <datetime>', 'when it happened (default: now)')
    .option('--json', 'print JSON')
    .action(
      async (
        first: string,
        id: string | undefined,
        flags: {
          question?: string;
          purpose?: string;
          minutes?: number;
          campaign?: string;
          fromThem?: boolean;
          mine?: boolean;
          state?: string;
          limit?: number;
          for?: string;
          at?: string;
          json?: boolean;
        },
      ) => {
        await ctx.withStore(async (store) => {
          if (first === 'list') {
            if (flags.fromThem && flags.mine)
              throw new KithError(
                'invalid_input',
                '--from-them and --mine: choose one (or neither, for every ask)',
                'direction',
              );
            const direction = flags.fromThem ? 'incoming' : flags.mine ? 'outgoing' : undefined;
            const asks = await store.asks.list({
              state: flags.state,
              direction,
              limit: flags.limit,
            });
            if (flags.json) return ctx.output.out(json(asks));
            if (asks.length === 0) return ctx.output.out('No asks yet.');
            return ctx.output.out(
              table(['Id', 'Person', 'State', 'Question', 'Sent'], asks.map(askLine), 60),
            );
          }
          const verb = first === 'show' ? 'show' : VERBS[first];
          if (verb) {
            if (!id)
              throw new KithError(
                'invalid_input',
                `id: say which ask to mark ${first} (kith ask list shows them)`,
                'id',
              );
            if (verb === 'show') return printAsk(ctx, await store.asks.get(id), !!flags.json);
            const action = {
              type: verb,
              ...(flags.at ? { at: flags.at } : {}),
              ...(flags.for ? { for: flags.for } : {}),
            };
            return printAsk(ctx, await store.asks.act(id, action), !!flags.json);
          }
          if (id)
            throw new KithError(
              'invalid_input',
              `"${first}" is not list, show or a state; to ask a person, drop "${id}"`,
              'id',
            );
          if (!flags.question)
            throw new KithError(
              'invalid_input',
              '--question: an ask needs one specific question',
              'question',
            );
          const person = await store.people.resolve(first);
          const campaign = flags.campaign ? await store.campaigns.resolve(flags.campaign) : null;
          const ask = await store.asks.create({
            personId: person.id,
            question: flags.question,
            purpose: flags.purpose,
            minutes: flags.minutes,
            campaignId: campaign?.id,
            ...(flags.fromThem ? { direction: 'incoming', askedAt: flags.at } : {}),
          });
          printAsk(ctx, ask, !!flags.json);
        });
      },
    );

  const campaign = program.command('campaign').description('campaigns of chats toward one aim');
  campaign
    .command('new')
    .argument('<name>', 'e.g. "Explore independent consulting"')
    .option('--aim <text>', 'what you want to find out')
    .option('--target <n>', 'how many chats (default 20)', wholeNumber)
    .option('--batch <n>', 'asks to keep open at once (default 2)', wholeNumber)
    .option('--ends <date>', 'last day (YYYY-MM-DD)')
    .option('--tag <tag>', 'what the people to ask should know about (repeatable)', collect)
    .option('--json', 'print JSON')
    .action(
      async (
        name: string,
        flags: {
          aim?: string;
          target?: number;
          batch?: number;
          ends?: string;
          tag?: string[];
          json?: boolean;
        },
      ) => {
        const created = await ctx.withStore((store) =>
          store.campaigns.create({
            name,
            aim: flags.aim,
            targetChats: flags.target,
            batchSize: flags.batch,
            endsOn: flags.ends,
            tags: flags.tag,
          }),
        );
        ctx.output.out(flags.json ? json(created) : `Started ${created.name}  (${created.id})`);
      },
    );
  campaign
    .command('list')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const list = await ctx.withStore((store) => store.campaigns.list());
      if (flags.json) return ctx.output.out(json(list));
      if (list.length === 0) return ctx.output.out('No campaigns yet: kith campaign new "…"');
      ctx.output.out(
        table(
          ['Campaign', 'Met', 'Target', 'Open', 'Asked', 'Response rate'],
          list.map((c) => [
            c.name,
            String(c.progress.met),
            String(c.targetChats),
            String(c.progress.open),
            String(c.progress.asked),
            c.progress.responseRate === null ? '' : `${Math.round(c.progress.responseRate * 100)}%`,
          ]),
        ),
      );
    });
  campaign
    .command('show')
    .argument('<campaign>', 'name or id')
    .option('--json', 'print JSON')
    .action(async (which: string, flags: { json?: boolean }) => {
      const [c, asks] = await ctx.withStore(async (store) => {
        const found = await store.campaigns.resolve(which);
        return [found, await store.asks.list({ campaignId: found.id })] as const;
      });
      if (flags.json) return ctx.output.out(json({ ...c, asks }));
      const p = c.progress;
      ctx.output.out(
        [
          `${c.name}${c.aim ? ` — ${c.aim}` : ''}`,
          `Met ${p.met} of ${c.targetChats}; asked ${p.asked}, replied ${p.replied}, declined ${p.declined}, moved on ${p.movedOn}, open ${p.open}`,
          `Response rate ${p.responseRate === null ? '—' : `${Math.round(p.responseRate * 100)}%`}; median days to reply ${p.medianDaysToReply ?? '—'}`,
          `Insights gathered ${p.insights}; introductions received ${p.introductions}`,
          ...(asks.length
            ? ['', table(['Id', 'Person', 'State', 'Question', 'Sent'], asks.map(askLine), 60)]
            : []),
        ].join('\n'),
      );
    });

  program
    .command('cadence')
    .description('how often to keep in touch with a person')
    .argument('<person>', 'name, email or id')
    .argument('<cadence...>', 'none, once 2027-01-15, every 6w (d, w, m, y)')
    .option('--json', 'print JSON')
    .action(async (who: string, words: string[], flags: { json?: boolean }) => {
      const cadence = parseCadence(words.join(' '), 'cadence');
      const person = await ctx.withStore(async (store) =>
        store.people.update((await store.people.resolve(who)).id, { cadence }),
      );
      ctx.output.out(
        flags.json
          ? json(person)
          : `${person.displayName}: keep in touch ${formatCadence(person.cadence)}`,
      );
    });

  const task = program.command('task').description('follow-up tasks with due dates');
  task
    .command('add')
    .argument('<title>', 'what to do, e.g. "Send Ravi the deck"')
    .requiredOption('--due <date>', 'when (YYYY-MM-DD)')
    .option('--person <person>', 'who it is about')
    .option('--ask <id>', 'the ask it follows up')
    .option('--json', 'print JSON')
    .action(
      async (
        title: string,
        flags: { due: string; person?: string; ask?: string; json?: boolean },
      ) => {
        const created = await ctx.withStore(async (store) => {
          const person = flags.person ? await store.people.resolve(flags.person) : null;
          return store.tasks.create({
            title,
            dueOn: flags.due,
            personId: person?.id,
            askId: flags.ask,
          });
        });
        ctx.output.out(
          flags.json
            ? json(created)
            : `Added task due ${created.dueOn}: ${created.title}  (${shortId(created.id)})`,
        );
      },
    );
  task
    .command('list')
    .option('--all', 'include done tasks')
    .option('--json', 'print JSON')
    .action(async (flags: { all?: boolean; json?: boolean }) => {
      const list = await ctx.withStore((store) => store.tasks.list({ done: flags.all }));
      if (flags.json) return ctx.output.out(json(list));
      if (list.length === 0) return ctx.output.out('No open tasks.');
      ctx.output.out(
        table(
          ['Due', 'Task', 'Done', 'Id'],
          list.map((t) => [t.dueOn, t.title, t.done ? 'yes' : '', shortId(t.id)]),
          60,
        ),
      );
    });
  task
    .command('done')
    .argument('<id>', 'the task')
    .option('--json', 'print JSON')
    .action(async (id: string, flags: { json?: boolean }) => {
      const done = await ctx.withStore((store) => store.tasks.complete(id));
      ctx.output.out(flags.json ? json(done) : `Done: ${done.title}`);
    });

  program
    .command('snooze')
    .description('push a keep-in-touch reminder to a later day')
    .argument('<person>', 'name, email or id')
    .argument('<until>', 'YYYY-MM-DD, or none to clear')
    .action(async (who: string, until: string) => {
      const person = await ctx.withStore(async (store) => {
        const found = await store.people.resolve(who);
        await store.snooze(found.id, { until: until === 'none' ? null : until });
        return found;
      });
      ctx.output.out(
        until === 'none'
          ? `${person.displayName}: snooze cleared`
          : `${person.displayName}: snoozed until ${until}`,
      );
    });

  program
    .command('draft')
    .description('the message of an ask, from your template for its purpose')
    .argument('<ask-id>', 'the ask')
    .option('--work <text>', 'the piece of work you want feedback on (feedback asks)')
    .option('--topic <text>', 'the topic you want advice on (advice asks)')
    .option('--org <name>', 'their organization, when Kith does not know it')
    .option('--json', 'print JSON')
    .action(
      async (
        id: string,
        flags: { work?: string; topic?: string; org?: string; json?: boolean },
      ) => {
        const draft = await ctx.withStore((store) =>
          store.asks.draft(id, { work: flags.work, topic: flags.topic, organization: flags.org }),
        );
        ctx.output.out(flags.json ? json(draft) : draft.text);
        // The draft is there already; what would complete it is said once, with how.
        if (!flags.json && draft.missing.length > 0)
          ctx.output.err(
            `To fill in the blanks: ${draft.missing.map((m) => HOW_TO_FILL[m] ?? m).join('; ')}.`,
          );
      },
    );

  const settings = program
    .command('settings')
    .description('your name and introduction for drafts, nudge timing, templates, cadence by role')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const current = await ctx.withStore((store) => store.settings.get());
      if (flags.json) return ctx.output.out(json(current));
      const roles = Object.entries(current.roleCadence).map(
        ([role, days]) => `${role} ${formatCadence({ kind: 'every', days: days ?? 1 })}`,
      );
      ctx.output.out(
        [
          `Name:             ${current.myName || '(not set: kith settings set my-name "…")'}`,
          `Introduction:     ${current.myIntro || '(not set: kith settings set my-intro "…")'}`,
          `Nudge after:      ${current.nudgeAfterDays} days with no reply`,
          `Move on after:    ${current.moveOnAfterDays} more days`,
          `Keep in touch:    ${roles.join(', ') || '(no role defaults)'}`,
          `Own templates:    ${Object.keys(current.templates).join(', ') || 'none (the defaults are used)'}`,
        ].join('\n'),
      );
    });
  settings
    .command('set')
    .argument('<key>', Object.keys(SETTING_KEYS).join(', '))
    .argument('<value>', 'the new value')
    .action(async (key: string, value: string) => {
      const change = SETTING_KEYS[key as keyof typeof SETTING_KEYS];
      if (!change)
        throw new KithError(
          'invalid_input',
          `key: "${key}" is not a setting; use ${Object.keys(SETTING_KEYS).join(', ')}`,
          'key',
        );
      await ctx.withStore((store) => store.settings.update(change(value)));
      ctx.output.out(`Set ${key}.`);
    });
  settings
    .command('template')
    .description(
      'use your own template for a purpose; placeholders like {first_name} {question} {minutes}',
    )
    .argument(
      '<purpose>',
      `${ASK_PURPOSES.join(', ')}, or an introduction's message: ${INTRO_MESSAGES.map((m) => `intro-${m}`).join(', ')}`,
    )
    .argument(
      '<file>',
      'a text file with the template, or "default" to go back to the built-in one',
    )
    .action(async (purpose: string, file: string) => {
      const intro = purpose.startsWith('intro-') ? purpose.slice('intro-'.length) : null;
      const known = intro
        ? (INTRO_MESSAGES as readonly string[]).includes(intro)
        : (ASK_PURPOSES as readonly string[]).includes(purpose);
      if (!known) {
        throw new KithError(
          'invalid_input',
          `purpose: use one of ${[...ASK_PURPOSES, ...INTRO_MESSAGES.map((m) => `intro-${m}`)].join(', ')}`,
          'purpose',
        );
      }
      const text = file === 'default' ? null : readFileSync(file, 'utf8');
      await ctx.withStore(async (store) => {
        const current = await store.settings.get();
        if (intro) {
          const next = { ...current.introTemplates };
          if (text === null) delete next[intro as IntroMessage];
          else next[intro as IntroMessage] = text;
          await store.settings.update({ introTemplates: next });
        } else {
          const next = { ...current.templates };
          if (text === null) delete next[purpose as AskPurpose];
          else next[purpose as AskPurpose] = text;
          await store.settings.update({ templates: next });
        }
      });
      ctx.output.out(
        text === null
          ? `The ${purpose} template is the default again.`
          : `Saved your ${purpose} template.`,
      );
    });
  settings
    .command('role-cadence')
    .description(
      'how often to keep in touch with people of a role, unless they have their own cadence',
    )
    .argument('<role>', 'mentor, connector, work-friend, …')
    .argument('<cadence...>', 'every 6w, or none')
    .action(async (role: string, words: string[]) => {
      const cadence = parseCadence(words.join(' '), 'cadence');
      if (cadence.kind === 'once')
        throw new KithError(
          'invalid_input',
          'cadence: a role takes "every …" or "none"',
          'cadence',
        );
      await ctx.withStore(async (store) => {
        const { roleCadence } = await store.settings.get();
        const next: Record<string, number> = { ...roleCadence };
        if (cadence.kind === 'none') delete next[role];
        else next[role] = cadence.days;
        await store.settings.update({ roleCadence: next });
      });
      ctx.output.out(`Keep in touch with each ${role}: ${formatCadence(cadence)}.`);
    });

  program
    .command('today')
    .description('what to do today: thank-yous, chats, nudges, keep-in-touch, campaign pacing')
    .option('--date <date>', 'another day, to plan ahead (YYYY-MM-DD)')
    .option(
      '--tz <zone>',
      'time zone (default: KITH_TZ, else settings time-zone, else the system’s)',
    )
    .option('--json', 'print JSON')
    .action(async (flags: { date?: string; tz?: string; json?: boolean }) => {
      const result = await ctx.withStore((store) =>
        store.agenda({
          date: flags.date,
          timeZone: flags.tz ?? (ctx.env.KITH_TZ?.trim() ? userTimeZone(ctx.env) : undefined),
          fallbackTimeZone: userTimeZone(ctx.env),
        }),
      );
      if (flags.json) return ctx.output.out(json(result));
      if (result.items.length === 0)
        return ctx.output.out(`${result.date}: nothing to do. Enjoy the day.`);
      const lines = [result.date];
      result.items.forEach((item, n) => {
        lines.push(`${String(n + 1).padStart(2)}. ${item.reason}`);
        if (item.kind !== 'pacing') return;
        for (const s of item.suggestions) {
          lines.push(
            `      ask ${s.displayName}: ${s.reasons.join(', ')}${s.warm ? '' : ' (not met yet)'}`,
          );
        }
      });
      ctx.output.out(lines.join('\n'));
    });
}
