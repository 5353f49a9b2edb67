// CSV files as rows of named cells, each with the line it started on, through csv-parse
// (quotes, doubled quotes, commas and line breaks inside fields, CRLF). A file that is not
// CSV — an unclosed quote, a row with more cells than the header — is an error naming the
// file and the line.
import { parse } from 'csv-parse/sync';
import { KithError } from '../errors.js';

export interface CsvRow {
  /** The line the row starts on, counting from 1 in the whole file. */
  line: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

/**
 * Parse CSV text whose header is the first line for which `isHeader` holds (LinkedIn puts a
 * "Notes:" preamble before it). Blank lines are skipped; short rows get empty cells.
 */
export function readCsv(
  text: string,
  file: string,
  isHeader: (line: string) => boolean = () => true,
): CsvTable {
  const lines = text.split(/\r\n|\n|\r/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '' && isHeader(l));
  if (headerIndex < 0) {
    throw new KithError(
      'invalid_input',
      `${file}: no header row of the expected kind was found`,
      'file',
    );
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      from_line: headerIndex + 1,
      skip_empty_lines: true,
      relax_column_count_less: true,
      info: true,
      bom: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    const where = e.lines ? `line ${e.lines}` : 'a line';
    throw new KithError(
      'invalid_input',
      `${file}: ${where}: ${(e.message ?? 'not CSV').replace(/^Invalid \w+ \w+: /, '')}`,
      'file',
    );
  }
  const [first, ...rest] = records;
  const header = (first?.record ?? []).map((h) => h.replace(/^\ufeff/, '').trim());
  // info.lines is the line a record ends on; a record starts after the previous one ended.
  let previousEnd = first?.info.lines ?? headerIndex + 1;
  const rows = rest.map(({ record, info }) => {
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      cells[h] = record[i] ?? '';
    });
    let line = previousEnd + 1;
    // Skipped blank lines sit between records: the record starts at its first non-blank line.
    while (line < info.lines && (lines[line - 1] ?? '').trim() === '') line += 1;
    previousEnd = info.lines;
    return { line, cells };
  });
  return { header, rows };
}
