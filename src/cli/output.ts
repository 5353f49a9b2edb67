// How the CLI speaks: aligned tables and short lines for people, JSON for scripts.
import type { Interaction } from '../domain/interaction.js';
import type { Person } from '../domain/person.js';
import { describeCadenceInEffect } from '../domain/cadence-text.js';
import { cadenceInEffect } from '../domain/method/keep-in-touch.js';
import type { Role } from '../domain/person.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const consoleOutput: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** Columns padded to their widest cell; long cells are cut with an ellipsis. */
export function table(
  headers: string[],
  rows: (string | null | undefined)[][],
  maxCell = 40,
): string {
  const cells = rows.map((r) =>
    r.map((c) => {
      const s = (c ?? '').replace(/\s+/g, ' ');
      return s.length > maxCell ? `${s.slice(0, maxCell - 1)}…` : s;
    }),
  );
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export const day = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');

export function personCard(
  p: Person,
  interactions: Interaction[],
  roleCadence?: Partial<Record<Role, number>>,
): string {
  const inEffect = cadenceInEffect(p.cadence, p.roles, roleCadence);
  const rows: [string, string | null][] = [
    ['Name', p.displayName],
    ['Organization', p.organization?.name ?? null],
    ['Title', p.title],
    ['Unit', p.unit],
    ['Location', p.location],
    ['Roles', p.roles.join(', ') || null],
    ['Tags', p.tags.join(', ') || null],
    ['Emails', p.emails.join(', ') || null],
    ['Phones', p.phones.join(', ') || null],
    ['LinkedIn', p.linkedin],
    ['Links', p.links.join(', ') || null],
    ['Messaging', p.handles.join(', ') || null],
    ['How we met', p.howWeMet],
    ['Met on', p.metOn],
    [
      'Dates',
      p.dates
        .map((d) => `${d.kind === 'birthday' ? 'birthday' : (d.label ?? d.kind)} ${d.on}`)
        .join(', ') || null,
    ],
    ['Keep in touch', inEffect.cadence.kind === 'none' ? null : describeCadenceInEffect(inEffect)],
    ['Last contact', day(p.lastContactAt) || null],
    ['In trash since', day(p.archivedAt) || null],
    ['Id', p.id],
  ];
  const lines = rows.filter(([, v]) => v).map(([k, v]) => `${`${k}:`.padEnd(16)}${v ?? ''}`);
  if (p.notes) lines.push('', 'Notes:', ...p.notes.split('\n').map((l) => `  ${l}`));
  if (interactions.length > 0) {
    lines.push('', 'Timeline:');
    for (const i of interactions) {
      const others = i.participants.filter((x) => x.id !== p.id).map((x) => x.displayName);
      lines.push(
        `  ${day(i.occurredAt)}  ${i.kind.padEnd(10)} ${i.summary}${others.length ? ` (with ${others.join(', ')})` : ''}`,
      );
      for (const insight of i.insights) lines.push(`              • ${insight.text}`);
    }
  }
  return lines.join('\n');
}
