// kith search <text>: people and interactions, with why each matched.
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { day, json } from '../output.js';

export function registerSearchCommand(program: Command, ctx: CliContext): void {
  program
    .command('search')
    .description('search people and interactions (prefixes match, accents do not matter)')
    .argument('<text...>', 'words to find')
    .option('--limit <n>', 'at most this many of each', '10')
    .option('--json', 'print JSON')
    .action(async (words: string[], flags: { limit: string; json?: boolean }) => {
      const result = await ctx.withStore((store) =>
        store.search({ q: words.join(' '), limit: flags.limit }),
      );
      if (flags.json) return ctx.output.out(json(result));
      const lines: string[] = [];
      if (result.people.length) {
        lines.push('People');
        for (const p of result.people) {
          const where = [p.title, p.organization].filter(Boolean).join(', ');
          lines.push(`  ${p.displayName}${where ? ` — ${where}` : ''}`);
          if (p.snippet) lines.push(`      ${p.snippet}`);
        }
      }
      if (result.interactions.length) {
        if (lines.length) lines.push('');
        lines.push('Interactions');
        for (const i of result.interactions) {
          const who = i.participants.map((p) => p.displayName).join(', ');
          lines.push(`  ${day(i.occurredAt)}  ${i.kind}  ${i.summary}  (with ${who})`);
          for (const insight of i.matchedInsights) lines.push(`      • ${insight}`);
          if (!i.matchedInsights.length && i.snippet && i.snippet !== i.summary)
            lines.push(`      ${i.snippet}`);
        }
      }
      ctx.output.out(lines.length ? lines.join('\n') : `Nothing matches "${result.query}".`);
    });
}
