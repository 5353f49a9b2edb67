// kith add | people | show | edit | rm | restore
import type { Command } from 'commander';
import { parseCadence } from '../../domain/cadence-text.js';
import type { Person, PersonPatch } from '../../domain/person.js';
import { KithError } from '../../domain/errors.js';
import { describeErased } from '../../domain/erase.js';
import { shortId } from '../../domain/ids.js';
import { nameKey } from '../../domain/text.js';
import { collect, yesOrNo, type CliContext, type CliStore } from '../context.js';
import { json, personCard, table, day } from '../output.js';

interface PersonFlags {
  given?: string;
  family?: string;
  org?: string;
  title?: string;
  unit?: string;
  location?: string;
  howMet?: string;
  metOn?: string;
  linkedin?: string;
  note?: string;
  cadence?: string;
  thankYou?: string;
  birthday?: string;
  role?: string[];
  tag?: string[];
  email?: string[];
  phone?: string[];
  link?: string[];
  handle?: string[];
}

const orNull = (v: string | undefined) =>
  v === undefined ? undefined : v.trim() === '' ? null : v;

/** The scalar fields a flag sets; an empty value ("") clears the field. */
function scalarFields(f: PersonFlags): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    givenName: orNull(f.given),
    familyName: orNull(f.family),
    organization: orNull(f.org),
    title: orNull(f.title),
    unit: orNull(f.unit),
    location: orNull(f.location),
    howWeMet: orNull(f.howMet),
    metOn: orNull(f.metOn),
    linkedin: orNull(f.linkedin),
    notes: orNull(f.note),
    cadence: f.cadence === undefined ? undefined : parseCadence(f.cadence, '--cadence'),
    noThankYou: f.thankYou === undefined ? undefined : !yesOrNo(f.thankYou, '--thank-you'),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** A person's dates with this birthday in place of any other ("" takes it away). */
function withBirthday(dates: Person['dates'], text: string) {
  const others = dates.filter((d) => d.kind !== 'birthday');
  // The dates schema reads "12-11" as a day without its year, and says what is wrong.
  const on = text.trim();
  return on ? [{ kind: 'birthday' as const, on }, ...others] : others;
}

function personOptions(cmd: Command): Command {
  return cmd
    .option('--given <name>', 'given name')
    .option('--family <name>', 'family name')
    .option('--org <organization>', 'organization')
    .option('--title <title>', 'job title')
    .option('--unit <unit>', 'team or business unit')
    .option('--location <place>', 'where they are')
    .option('--how-met <text>', 'how you met')
    .option('--met-on <date>', 'when you met (YYYY-MM-DD)')
    .option('--linkedin <url>', 'LinkedIn profile URL')
    .option('--note <markdown>', 'notes (Markdown)')
    .option('--cadence <cadence>', 'keep in touch: none, "once 2027-01-15", "every 6w"')
    .option('--thank-you <yes|no>', 'no: chats with them put no thank-you on Today')
    .option('--birthday <date>', 'YYYY-MM-DD, or MM-DD without the year ("" clears it)')
    .option('--json', 'print JSON');
}

function printPerson(ctx: CliContext, person: Person, asJson: boolean, verb: string) {
  ctx.output.out(asJson ? json(person) : `${verb} ${person.displayName}  (${person.id})`);
}

/**
 * Someone of this name already here — at the same organization, or with none given — is most
 * likely the same person: said, with who it is, rather than a silent second one.
 */
async function refuseLikelyDuplicate(store: CliStore, name: string, org: string | undefined) {
  const same = (await store.people.list({ name, limit: 20 })).items.filter(
    (p) => !org || !p.organization || nameKey(p.organization.name) === nameKey(org),
  );
  const first = same[0];
  if (!first) return;
  const who = same
    .map(
      (p) =>
        `${p.displayName}${p.organization ? ` at ${p.organization.name}` : ''} (${shortId(p.id)})`,
    )
    .join(', ');
  throw new KithError(
    'conflict',
    `${who} ${same.length === 1 ? 'is' : 'are'} already in your network: \`kith show ${shortId(first.id)}\`. Add --force to add another ${name}.`,
    'name',
  );
}

export function registerPeopleCommands(program: Command, ctx: CliContext): void {
  personOptions(
    program
      .command('add')
      .description('add a person to your network')
      .argument('<name>', 'display name, e.g. "Ada Lovelace"'),
  )
    .option('--role <role>', 'relationship role (repeatable)', collect)
    .option('--tag <tag>', 'expertise or interest (repeatable)', collect)
    .option('--email <email>', 'email address (repeatable)', collect)
    .option('--phone <phone>', 'phone number (repeatable)', collect)
    .option('--link <url>', 'other web address (repeatable)', collect)
    .option(
      '--handle <service:name>',
      'messaging handle, e.g. telegram:@dana (repeatable)',
      collect,
    )
    .option('--force', 'add them even when someone of that name (and organization) is here')
    .action(async (name: string, flags: PersonFlags & { json?: boolean; force?: boolean }) => {
      const input = {
        displayName: name,
        ...scalarFields(flags),
        ...(flags.birthday ? { dates: withBirthday([], flags.birthday) } : {}),
        roles: flags.role,
        tags: flags.tag,
        emails: flags.email,
        phones: flags.phone,
        links: flags.link,
        handles: flags.handle,
      };
      const person = await ctx.withStore(async (store) => {
        if (!flags.force && name.trim()) await refuseLikelyDuplicate(store, name, flags.org);
        return store.people.create(input);
      });
      printPerson(ctx, person, !!flags.json, 'Added');
    });

  program
    .command('people')
    .description(
      'list people; with --add-tag, --remove-tag, --archive or --restore, act on everyone the filters keep',
    )
    .option('--role <role>', 'only people with this role')
    .option('--tag <tag>', 'only people with this tag')
    .option('--org <organization>', 'only people at this organization')
    .option('--unit <unit>', 'only people in this unit')
    .option('--quiet <days>', 'only people not contacted in this many days (or never)')
    .option('--view <name>', 'a saved view (kith view list); other filters narrow it further')
    .option('--sort <order>', 'name, recent, organization or last-contact (default: name)')
    .option('--trash', 'list the people in the trash')
    .option('--limit <n>', 'how many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .option('--add-tag <tag>', 'tag everyone the filters keep (not only one page)')
    .option('--remove-tag <tag>', 'untag everyone the filters keep')
    .option('--archive', 'move everyone the filters keep to the trash')
    .option('--restore', 'bring everyone in the trash the filters keep back')
    .option('--json', 'print JSON')
    .action(async (flags: Record<string, string | boolean | undefined>) => {
      // A saved view's filters first; those typed here narrow or replace them.
      const view =
        typeof flags.view === 'string'
          ? (await ctx.withStore((store) => store.views.get(flags.view as string))).filter
          : {};
      const { sort: viewSort, ...viewFilters } = view;
      const typed = {
        role: flags.role,
        tag: flags.tag,
        organization: flags.org,
        unit: flags.unit,
        quietDays: flags.quiet,
        archived: flags.trash ? 'true' : undefined,
      };
      const filters = {
        ...viewFilters,
        ...Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== undefined)),
      };
      const sort = flags.sort ?? viewSort;
      const actions = (['add-tag', 'remove-tag', 'archive', 'restore'] as const).filter(
        (a) => flags[a === 'add-tag' ? 'addTag' : a === 'remove-tag' ? 'removeTag' : a],
      );
      if (actions.length > 1)
        throw new KithError(
          'invalid_input',
          `--${actions.join(', --')}: one action at a time`,
          'action',
        );
      const [action] = actions;
      if (action) {
        const tag = action === 'add-tag' ? flags.addTag : flags.removeTag;
        const result = await ctx.withStore((store) =>
          store.people.bulk({
            // Restoring is of people in the trash, whether or not --trash was said.
            matching: action === 'restore' ? { ...filters, archived: 'true' } : filters,
            action,
            ...(action.endsWith('-tag') ? { tag } : {}),
          }),
        );
        if (flags.json) return ctx.output.out(json(result));
        const done = {
          'add-tag': `Tagged ${result.changed} ${result.changed === 1 ? 'person' : 'people'}`,
          'remove-tag': `Untagged ${result.changed} ${result.changed === 1 ? 'person' : 'people'}`,
          archive: `Moved ${result.changed} to the trash (kith people --trash --restore brings them back)`,
          restore: `Restored ${result.changed} from the trash`,
        }[action];
        return ctx.output.out(
          `${done}${result.unchanged ? `; ${result.unchanged} already were` : ''}.`,
        );
      }
      const page = await ctx.withStore((store) =>
        store.people.list({
          ...filters,
          ...(sort ? { sort } : {}),
          limit: flags.limit,
          offset: flags.offset,
        }),
      );
      if (flags.json) return ctx.output.out(json(page));
      if (page.total === 0)
        return ctx.output.out(flags.trash ? 'The trash is empty.' : 'No people match.');
      ctx.output.out(
        table(
          ['Name', 'Organization', 'Title', 'Roles', 'Tags', 'Last contact'],
          page.items.map((p) => [
            p.displayName,
            p.organization?.name,
            p.title,
            p.roles.join(', '),
            p.tags.join(', '),
            day(p.lastContactAt),
          ]),
        ),
      );
      const shown = page.offset + page.items.length;
      ctx.output.out(
        `\n${page.items.length} of ${page.total}${shown < page.total ? ` (next: --offset ${shown})` : ''}`,
      );
    });

  program
    .command('show')
    .description('show one person with their timeline')
    .argument('<person>', 'name, email or id')
    .option('--json', 'print JSON')
    .action(async (who: string, flags: { json?: boolean }) => {
      const [person, timeline, provenance, settings] = await ctx.withStore(async (store) => {
        const p = await store.people.resolve(who);
        return [
          p,
          await store.interactions.list({ personId: p.id, limit: 20 }),
          await store.imports.provenance(p.id),
          await store.settings.get(),
        ] as const;
      });
      const repaired = provenance.map(
        (run) =>
          `Repaired on import (${run.file}, ${run.at.slice(0, 10)}): ${run.repaired.map((r) => `${r.field} was "${r.original}"`).join('; ')}`,
      );
      ctx.output.out(
        flags.json
          ? json({ ...person, interactions: timeline.items, provenance })
          : [personCard(person, timeline.items, settings.roleCadence), ...repaired].join('\n'),
      );
    });

  personOptions(
    program
      .command('edit')
      .description('change a person; "" clears a field')
      .argument('<person>', 'name, email or id'),
  )
    .option('--name <name>', 'display name')
    .option('--role <role>', 'add a role (repeatable)', collect)
    .option('--unrole <role>', 'remove a role (repeatable)', collect)
    .option('--tag <tag>', 'add a tag (repeatable)', collect)
    .option('--untag <tag>', 'remove a tag (repeatable)', collect)
    .option('--email <email>', 'add an email (repeatable)', collect)
    .option('--unemail <email>', 'remove an email (repeatable)', collect)
    .option('--phone <phone>', 'add a phone (repeatable)', collect)
    .option('--unphone <phone>', 'remove a phone (repeatable)', collect)
    .option('--link <url>', 'add a web address (repeatable)', collect)
    .option('--unlink <url>', 'remove a web address (repeatable)', collect)
    .option('--handle <service:name>', 'add a messaging handle (repeatable)', collect)
    .option('--unhandle <service:name>', 'remove a messaging handle (repeatable)', collect)
    .action(
      async (
        who: string,
        flags: PersonFlags & Record<string, string[] | string | boolean | undefined>,
      ) => {
        const person = await ctx.withStore(async (store) => {
          const current = await store.people.resolve(who);
          const edit = (
            list: string[],
            add: unknown,
            remove: unknown,
            fold = (s: string) => s.toLowerCase(),
          ) => {
            const removed = new Set(((remove as string[] | undefined) ?? []).map(fold));
            const kept = list.filter((v) => !removed.has(fold(v)));
            return add === undefined && remove === undefined
              ? undefined
              : [...kept, ...((add as string[] | undefined) ?? [])];
          };
          const patch: Record<string, unknown> = {
            ...scalarFields(flags),
            ...(typeof flags.birthday === 'string'
              ? { dates: withBirthday(current.dates, flags.birthday) }
              : {}),
            ...(typeof flags.name === 'string' ? { displayName: flags.name } : {}),
            roles: edit(current.roles, flags.role, flags.unrole),
            tags: edit(current.tags, flags.tag, flags.untag),
            emails: edit(current.emails, flags.email, flags.unemail),
            phones: edit(current.phones, flags.phone, flags.unphone, (s) => s.replace(/\D/g, '')),
            links: edit(current.links, flags.link, flags.unlink, (s) => s),
            handles: edit(current.handles, flags.handle, flags.unhandle),
          };
          const changes = Object.fromEntries(
            Object.entries(patch).filter(([, v]) => v !== undefined),
          ) as PersonPatch;
          if (Object.keys(changes).length === 0) return current;
          return store.people.update(current.id, changes);
        });
        printPerson(ctx, person, !!flags.json, 'Updated');
      },
    );

  program
    .command('rm')
    .description('move a person to the trash (kith restore brings them back)')
    .argument('<person>', 'name, email or id')
    .option('--json', 'print JSON')
    .action(async (who: string, flags: { json?: boolean }) => {
      const person = await ctx.withStore(async (store) =>
        store.people.archive((await store.people.resolve(who)).id),
      );
      printPerson(ctx, person, !!flags.json, 'Moved to the trash:');
    });

  program
    .command('restore')
    .description('bring a person back from the trash')
    .argument('<person>', 'name, email or id of someone in the trash')
    .option('--json', 'print JSON')
    .action(async (who: string, flags: { json?: boolean }) => {
      const person = await ctx.withStore(async (store) =>
        store.people.restore((await store.people.resolve(who, { archived: true })).id),
      );
      printPerson(ctx, person, !!flags.json, 'Restored');
    });

  const view = program
    .command('view')
    .description(
      'saved views of the People list: kith view save|list|rm; kith people --view <name>',
    );
  view
    .command('save')
    .description('save filters under a name (one of the same name is replaced)')
    .argument('<name>', 'e.g. "Mentors abroad"')
    .option('--role <role>', 'people with this role')
    .option('--tag <tag>', 'people with this tag')
    .option('--org <organization>', 'people at this organization')
    .option('--unit <unit>', 'people in this unit')
    .option('--quiet <days>', 'people not contacted in this many days (or never)')
    .option('--sort <order>', 'name, recent, organization or last-contact')
    .option('--json', 'print JSON')
    .action(async (name: string, flags: Record<string, string | boolean | undefined>) => {
      const filter = Object.fromEntries(
        Object.entries({
          role: flags.role,
          tag: flags.tag,
          organization: flags.org,
          unit: flags.unit,
          quietDays: flags.quiet,
          sort: flags.sort,
        }).filter(([, v]) => v !== undefined),
      );
      const saved = await ctx.withStore((store) => store.views.save({ name, filter }));
      ctx.output.out(
        flags.json
          ? json(saved)
          : `Saved the view "${saved.name}": kith people --view ${saved.slug}`,
      );
    });
  view
    .command('list')
    .description('the saved views, with what each keeps')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const views = await ctx.withStore((store) => store.views.list());
      if (flags.json) return ctx.output.out(json(views));
      if (views.length === 0)
        return ctx.output.out('No saved views yet: kith view save "Mentors" --role mentor');
      ctx.output.out(
        table(
          ['View', 'Name', 'Keeps'],
          views.map((v) => [
            v.slug,
            v.name,
            Object.entries(v.filter)
              .map(([k, x]) => `${k} ${String(x)}`)
              .join(', '),
          ]),
        ),
      );
    });
  view
    .command('rm')
    .description('forget a saved view (its people are untouched)')
    .argument('<name>', 'its name or slug')
    .action(async (name: string) => {
      await ctx.withStore((store) => store.views.remove(name));
      ctx.output.out(`Forgot the view "${name}".`);
    });

  program
    .command('erase')
    .description(
      'erase a person for good, when they ask to be forgotten: their profile, chats only they ' +
        'were in, asks, tasks, ties, import and merge records (no undo)',
    )
    .argument('<person>', 'name, email or id, in the list or in the trash')
    .option('--yes', 'erase without asking (there is no undo)')
    .option('--json', 'print JSON')
    .action(async (who: string, flags: { yes?: boolean; json?: boolean }) => {
      const done = await ctx.withStore(async (store) => {
        const person = await store.people
          .resolve(who)
          .catch(() => store.people.resolve(who, { archived: true }));
        if (!flags.yes)
          throw new KithError(
            'invalid_input',
            `--yes: erasing ${person.displayName} removes everything about them for good, with no undo; run again with --yes to do it (kith rm moves them to the trash instead)`,
            '--yes',
          );
        return store.people.erase(person.id, { confirm: true });
      });
      ctx.output.out(flags.json ? json(done) : describeErased(done));
    });

  program
    .command('empty-trash')
    .description('erase everyone in the trash for good (no undo)')
    .option('--yes', 'erase without asking (there is no undo)')
    .option('--json', 'print JSON')
    .action(async (flags: { yes?: boolean; json?: boolean }) => {
      const done = await ctx.withStore(async (store) => {
        if (!flags.yes) {
          const trash = await store.people.list({ archived: 'true', limit: 1 });
          throw new KithError(
            'invalid_input',
            `--yes: emptying the trash erases the ${trash.total} ${trash.total === 1 ? 'person' : 'people'} in it for good, with no undo; run again with --yes to do it`,
            '--yes',
          );
        }
        return store.people.emptyTrash({ confirm: true });
      });
      ctx.output.out(flags.json ? json(done) : describeErased(done));
    });
}
