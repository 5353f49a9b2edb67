// kith orgs: the organizations in your network and how many people you know at each.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { json, table } from '../output.js';

export function registerOrganizationCommands(program: Command, ctx: CliContext): void {
  program
    .command('orgs')
    .description('list organizations with how many people you know there')
    .option('--json', 'print JSON')
    .action(async (flags: { json?: boolean }) => {
      const orgs = await ctx.withStore((store) => store.organizations.list());
      if (flags.json) return ctx.output.out(json(orgs));
      if (orgs.length === 0) return ctx.output.out('No organizations yet.');
      ctx.output.out(
        table(
          ['Organization', 'People', 'Domain'],
          orgs.map((o) => [o.name, String(o.peopleCount), o.domain]),
        ),
      );
    });
}
