// kith export: take everything out — the whole workspace as JSON (lossless: `kith import` of
// it into a new database gives it back), people as CSV or vCard, the calendar as iCalendar.
// kith feed: the secret address a calendar app subscribes to; renew or revoke it.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readConfig } from '../../config.js';
import { KithError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';

const FORMATS = ['json', 'csv', 'vcard', 'ics'] as const;
type Format = (typeof FORMATS)[number];

export function registerExportCommand(program: Command, ctx: CliContext): void {
  program
    .command('export')
    .description(
      'export everything: json (the whole workspace, lossless), csv or vcard (people), ' +
        'ics (scheduled chats, keep-in-touch days, follow-ups), to a file or the terminal',
    )
    .option('--format <format>', FORMATS.join(', '), 'json')
    .option('--out <file>', 'write to this file instead of printing')
    .action(async (flags: { format: string; out?: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) {
        throw new KithError(
          'invalid_input',
          `format: "${flags.format}" is not one Kith writes; use ${FORMATS.join(', ')}`,
          'format',
        );
      }
      const { text, count } = await ctx.withStore((store) =>
        store.exports.file(flags.format as Format),
      );
      if (!flags.out) return ctx.output.out(text.replace(/\r?\n$/, ''));
      writeFileSync(flags.out, text);
      ctx.output.out(`Wrote ${count} to ${flags.out}.`);
    });

  program
    .command('feed')
    .description(
      'the calendar feed a calendar app subscribes to: show its address, renew it (the old ' +
        'address stops working) or revoke it',
    )
    .argument('[action]', 'show, renew or revoke', 'show')
    .action(async (action: string) => {
      const { host, port } = readConfig({}, ctx.env);
      const url = (token: string) => `http://${host}:${port}/feeds/${token}.ics`;
      if (action === 'renew') {
        const token = await ctx.withStore((store) => store.feed.renew());
        return ctx.output.out(
          `Subscribe to ${url(token)} in your calendar app (while kith serve runs). Any earlier address no longer works.`,
        );
      }
      if (action === 'revoke') {
        await ctx.withStore((store) => store.feed.revoke());
        return ctx.output.out('The calendar feed is revoked: its address no longer works.');
      }
      if (action !== 'show')
        throw new KithError(
          'invalid_input',
          `action: "${action}" is not show, renew or revoke`,
          'action',
        );
      const token = await ctx.withStore((store) => store.feed.token());
      ctx.output.out(
        token
          ? `Subscribe to ${url(token)} in your calendar app. kith feed renew replaces it; kith feed revoke ends it.`
          : 'No calendar feed yet: kith feed renew makes one.',
      );
    });
}
