// kith export: take the network out. vCard 4.0 of people for now; the lossless JSON, CSV and
// the iCalendar feed are to come (issue #6), and asking for them says so.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { KithError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';

const FORMATS = ['vcard'] as const;

export function registerExportCommand(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description('export your people as vCard 4.0 (--format vcard) to a file or the terminal')
    .option('--format <format>', 'vcard', 'vcard')
    .option('--out <file>', 'write to this file instead of printing')
    .action(async (flags: { format: string; out?: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) {
        throw new KithError(
          'invalid_input',
          `format: "${flags.format}" is not available yet; use ${FORMATS.join(', ')}`,
          'format',
        );
      }
      const { people, text } = await ctx.withStore((store) => store.exports.vcard());
      if (!flags.out) return ctx.output.out(text.replace(/\r\n$/, ''));
      writeFileSync(flags.out, text);
      ctx.output.out(`Wrote ${people} ${people === 1 ? 'person' : 'people'} to ${flags.out}.`);
    });
}
