// kith import: bring contacts in from an export (LinkedIn Connections.csv, Google or Outlook
// CSV): a preview with --dry-run, else every row in one transaction, with a progress bar on a
// terminal; kith import list shows the runs and kith import undo <run> takes one back.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { KithError } from '../../domain/errors.js';
import { shortId } from '../../domain/ids.js';
import type { ImportReport } from '../../store/imports.js';
import type { CliContext } from '../context.js';
import { day, json, table } from '../output.js';

function summary(report: ImportReport): string {
  const c = report.counts;
  const lines: string[] = [];
  if (report.status === 'refused') {
    lines.push(
      `${report.file}: nothing imported — ${c.errors} ${c.errors === 1 ? 'row needs' : 'rows need'} fixing first:`,
    );
    for (const e of report.errors.slice(0, 20)) lines.push(`  line ${e.line}: ${e.message}`);
    if (report.errors.length > 20) lines.push(`  … and ${report.errors.length - 20} more`);
    return lines.join('\n');
  }
  const verb = report.status === 'preview' ? 'would import' : 'imported';
  lines.push(
    `${report.file} (${report.format}) ${verb}: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.review} to review`,
  );
  for (const r of report.rows.filter((row) => row.action === 'updated').slice(0, 20))
    lines.push(`  line ${r.line}: ${r.name} — ${r.changes.join(', ')} (matched by ${r.matchedBy})`);
  for (const r of report.rows.filter((row) => row.review).slice(0, 20))
    lines.push(
      `  line ${r.line}: ${r.name} — added; same name as ${r.review?.name} (${shortId(r.review?.personId ?? '')}): merge them if they are one person`,
    );
  const repaired = report.rows.filter((r) => r.repaired.length > 0);
  if (repaired.length)
    lines.push(
      `  text repaired on ${repaired.length} ${repaired.length === 1 ? 'row' : 'rows'} (e.g. line ${repaired[0]?.line}: ${repaired[0]?.repaired[0]?.original} → ${repaired[0]?.name})`,
    );
  const a = report.activities.counts;
  if (a.new + a.updated + a.unchanged + a.skipped > 0) {
    lines.push(
      `  conversations, invitations and events: ${a.new} new, ${a.updated} updated, ${a.unchanged} unchanged, ${a.skipped} with nobody in Kith (left out)`,
    );
    for (const s of report.activities.skipped.slice(0, 5))
      lines.push(`    line ${s.line}: ${s.summary} — with ${s.people || 'nobody named'}`);
  }
  for (const remark of report.remarks) lines.push(`  ${remark}`);
  if (report.ignoredColumns.length)
    lines.push(`  columns left out: ${report.ignoredColumns.join(', ')}`);
  if (report.ignoredFiles.length) lines.push(`  files left out: ${report.ignoredFiles.join(', ')}`);
  if (report.runId)
    lines.push(
      `  run ${shortId(report.runId)}: kith import undo ${shortId(report.runId)} takes it back`,
    );
  return lines.join('\n');
}

export function registerImportCommand(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description(
      'import an export: LinkedIn (the .zip, or Connections.csv, messages.csv, Invitations.csv), ' +
        'Google or Outlook CSV, vCard, iCalendar (.ics); ' +
        'kith import list shows past runs, kith import undo <run> takes one back',
    )
    .argument('<file-or-verb>', 'the file, or list, or undo')
    .argument('[run]', 'with undo: the run (its short id)')
    .option('--dry-run', 'show what would change, change nothing')
    .option('--keep-photos', 'keep the photos vCards carry (left out otherwise)')
    .option(
      '--recurring-from <date>',
      "a calendar's recurring events from this day, YYYY-MM-DD (default: a year ago)",
    )
    .option('--recurring-to <date>', '…up to this day (default: 90 days ahead)')
    .option('--json', 'print JSON')
    .action(
      async (
        first: string,
        run: string | undefined,
        flags: {
          dryRun?: boolean;
          keepPhotos?: boolean;
          recurringFrom?: string;
          recurringTo?: string;
          json?: boolean;
        },
      ) => {
        if (first === 'list') {
          const runs = await ctx.withStore((store) => store.imports.runs());
          if (flags.json) return ctx.output.out(json(runs));
          if (runs.length === 0) return ctx.output.out('No imports yet.');
          return ctx.output.out(
            table(
              ['Run', 'File', 'When', 'New', 'Updated', 'Unchanged', 'Undone'],
              runs.map((r) => [
                shortId(r.id),
                r.file,
                day(r.createdAt),
                String(r.counts.new),
                String(r.counts.updated),
                String(r.counts.unchanged),
                day(r.undoneAt),
              ]),
            ),
          );
        }
        if (first === 'undo') {
          if (!run)
            throw new KithError(
              'invalid_input',
              'run: say which import to undo (kith import list)',
              'run',
            );
          const undone = await ctx.withStore((store) => store.imports.undo(run));
          return ctx.output.out(
            flags.json
              ? json(undone)
              : `Undone: ${undone.archived} people moved to the trash, ${undone.restored} given their earlier details back${undone.activities ? `, ${undone.activities} conversations, asks or events taken back` : ''}.`,
          );
        }
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(readFileSync(first));
        } catch (error) {
          throw new KithError(
            'invalid_input',
            `file: cannot read ${first}: ${(error as Error).message}`,
            'file',
          );
        }
        const report = await ctx.withStore(async (store) => {
          const bar = new SingleBar(
            { format: ' importing {phase} [{bar}] {value}/{total}', hideCursor: true },
            Presets.shades_classic,
          );
          const showBar = !flags.json && !flags.dryRun && process.stderr.isTTY;
          let phaseNow: string | null = null;
          let barShown = false;
          let readings = 0;
          const stopBar = () => {
            if (barShown) bar.stop();
            barShown = false;
          };
          try {
            return await store.imports.contacts(bytes, basename(first), {
              dryRun: flags.dryRun,
              keepPhotos: flags.keepPhotos,
              recurringFrom: flags.recurringFrom,
              recurringTo: flags.recurringTo,
              onProgress: ({ phase, done, total }) => {
                if (!showBar) return;
                if (phase !== phaseNow) {
                  phaseNow = phase;
                  stopBar();
                  // Reading and saving have nothing to count: a line says what is going on.
                  if (phase === 'reading')
                    ctx.output.err(
                      readings++ === 0
                        ? ` reading ${basename(first)}…`
                        : ` reading the rest of ${basename(first)}…`,
                    );
                  else if (phase === 'saving') ctx.output.err(' saving…');
                  else if (total > 0) {
                    bar.start(total, done, { phase });
                    barShown = true;
                  }
                }
                if (barShown) bar.update(done);
              },
            });
          } finally {
            stopBar();
          }
        });
        ctx.output.out(flags.json ? json(report) : summary(report));
        if (report.status === 'refused')
          throw new KithError(
            'invalid_input',
            `${report.file}: nothing was imported; fix the rows above and import it again`,
            'file',
          );
      },
    );
}
