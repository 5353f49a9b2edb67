// Import: pick or drop an export (LinkedIn's .zip or its files, Google or Outlook CSV, vCard,
// a calendar), see what would happen — people new, updated, unchanged, to review;
// conversations and events new, updated, left out; every row error with its line — then
// import it in one go, and undo it from the list of past imports.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileImport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { Link } from 'wouter';
import { api, type ImportProgress, type ImportReport } from '../api';
import { ExportCard } from './ExportCard';

/** The file's bytes as base64, in slices so a large file does not overflow the call stack. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const FORMAT_LABELS: Record<string, string> = {
  'linkedin-export': 'LinkedIn export',
  'linkedin-connections': 'LinkedIn connections',
  'linkedin-messages': 'LinkedIn messages',
  'linkedin-invitations': 'LinkedIn invitations',
  icalendar: 'Calendar',
  'kith-backup': 'Kith backup',
  'google-csv': 'Google Contacts',
  'outlook-csv': 'Outlook contacts',
  vcard: 'vCard',
};

function Counts({ report }: { report: ImportReport }) {
  const c = report.counts;
  const items: [string, number][] = [
    ['New', c.new],
    ['Updated', c.updated],
    ['Unchanged', c.unchanged],
    ['To review', c.review],
    ['Errors', c.errors],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }}>
      {items.map(([label, n]) => (
        <Card key={label} withBorder padding="xs">
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} size="lg">
            {n}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function importLabel(report: ImportReport): string {
  const people = report.counts.new + report.counts.updated;
  const a = report.activities.counts;
  const activities = a.new + a.updated;
  const parts = [
    people > 0 && `${people} ${people === 1 ? 'person' : 'people'}`,
    activities > 0 &&
      `${activities} ${activities === 1 ? 'conversation or event' : 'conversations and events'}`,
  ].filter(Boolean);
  return `Import ${parts.join(' and ') || 'nothing'}`;
}

/** What happens to conversations, invitations and calendar events, and those left out. */
function Activities({ report }: { report: ImportReport }) {
  const a = report.activities.counts;
  if (a.new + a.updated + a.unchanged + a.skipped === 0) return null;
  return (
    <Stack gap={4} data-testid="import-activities">
      <Text size="sm">
        Conversations, invitations and events: {a.new} new, {a.updated} updated, {a.unchanged}{' '}
        unchanged
        {a.skipped > 0 && `, ${a.skipped} left out because nobody in them is in Kith`}.
      </Text>
      {report.activities.skipped.length > 0 && (
        <List size="xs" spacing={0} c="dimmed">
          {report.activities.skipped.slice(0, 5).map((s) => (
            <List.Item key={`${s.file}-${s.line}`}>
              Line {s.line}: {s.summary} — with {s.people || 'nobody named'}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/** "Garbled text repaired on 1 row (for example “CuriÃ©” became “Curié”)." */
function repairedNote(report: ImportReport): string {
  const rows = report.rows.filter((r) => r.repaired.length > 0);
  const first = rows[0];
  const example = first
    ? ` (for example “${first.repaired[0]?.original}” became “${first.name}”)`
    : '';
  return `Garbled text repaired on ${rows.length} ${rows.length === 1 ? 'row' : 'rows'}${example}; the original is kept with the import.`;
}

/** How full the bar is: counted phases by their count; saving, all of it; reading, none yet. */
function progressValue(progress: ImportProgress | null): number {
  if (!progress) return 0;
  if (progress.phase === 'saving') return 100;
  return progress.total ? (100 * progress.done) / progress.total : 0;
}

function progressText(progress: ImportProgress | null): string {
  if (!progress || progress.phase === 'reading') return 'Reading the file…';
  if (progress.phase === 'saving') return 'Saving…';
  return `Writing ${progress.phase}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`;
}

/**
 * How the file is read: its photos kept or not, and the days a calendar's recurring events are
 * read between, as typed ('' for the usual year back and 90 days on).
 */
interface ReadHow {
  keepPhotos: boolean;
  recurringFrom: string;
  recurringTo: string;
}

const RECURRING_FIELDS: {
  key: 'recurringFrom' | 'recurringTo';
  label: string;
  description: string;
}[] = [
  {
    key: 'recurringFrom',
    label: 'Recurring events from',
    description: 'A year ago unless you say',
  },
  { key: 'recurringTo', label: 'Recurring events to', description: '90 days ahead unless you say' },
];

interface UndoChoice {
  id: string;
  file: string;
  added: number;
  updated: number;
  /** Conversations, asks and events it brought, when known. */
  activities: number | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Undoing an import is asked once more, saying what it will do. */
function UndoConfirm(props: {
  choice: UndoChoice | null;
  busy: boolean;
  onConfirm(id: string): void;
  onCancel(): void;
}) {
  const c = props.choice;
  return (
    <Modal opened={c !== null} onClose={props.onCancel} title="Undo this import?" centered>
      {c && (
        <Stack gap="sm">
          <Text size="sm">
            Undo the import of <strong>{c.file}</strong>: {plural(c.added, 'person', 'people')} it
            added go to the trash (from where they can be restored), and{' '}
            {plural(c.updated, 'person', 'people')} it updated get their earlier details back
            {c.activities
              ? `; ${plural(c.activities, 'conversation, ask or event', 'conversations, asks or events')} it brought are taken back`
              : ''}
            . Anything edited since stays as it is (then the import cannot be undone).
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCancel}>
              Keep it
            </Button>
            <Button color="red" loading={props.busy} onClick={() => props.onConfirm(c.id)}>
              Undo the import
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Who the import will add, by name (the first of them), before anything is written. */
function PeopleToAdd({ report }: { report: ImportReport }) {
  const added = report.rows.filter((r) => r.action === 'new' && !r.review);
  if (added.length === 0) return null;
  const shown = added.slice(0, 20);
  return (
    <div>
      <Text size="sm" fw={600}>
        Will add
      </Text>
      <List size="sm" spacing={2} aria-label="People the import will add">
        {shown.map((r) => (
          <List.Item key={`n${r.line}`}>{r.name}</List.Item>
        ))}
      </List>
      {added.length > shown.length && (
        <Text size="sm" c="dimmed">
          and {added.length - shown.length} more
        </Text>
      )}
    </div>
  );
}

export function ImportPage() {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [dragging, setDragging] = useState(false);
  const [how, setHow] = useState<ReadHow>({
    keepPhotos: false,
    recurringFrom: '',
    recurringTo: '',
  });
  const asSent = (h: ReadHow) => ({
    keepPhotos: h.keepPhotos,
    recurringFrom: h.recurringFrom || undefined,
    recurringTo: h.recurringTo || undefined,
  });
  const runs = useQuery({ queryKey: ['imports'], queryFn: api.imports });
  const refresh = () =>
    Promise.all(
      ['imports', 'people', 'stats', 'today', 'person'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );

  // Previews can overlap (a file, then each change of how it is read): only the latest is shown.
  const latestCheck = useRef(0);
  const check = useMutation({
    mutationFn: ({ f, h }: { f: { name: string; content: string }; h: ReadHow; n: number }) =>
      api.importContacts({ fileName: f.name, content: f.content, dryRun: true, ...asSent(h) }),
    onSuccess: (report, { n }) => {
      if (n === latestCheck.current) setPreview(report);
    },
  });
  const readPreview = (f: { name: string; content: string }, h: ReadHow) =>
    check.mutate({ f, h, n: ++latestCheck.current });
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const commit = useMutation({
    mutationFn: (f: { name: string; content: string }) =>
      api.importWithProgress({ fileName: f.name, content: f.content, ...asSent(how) }, setProgress),
    onSuccess: (report) => {
      setDone(report);
      setPreview(null);
      void refresh();
    },
    onSettled: () => setProgress(null),
  });
  const [undoing, setUndoing] = useState<UndoChoice | null>(null);
  const undo = useMutation({
    mutationFn: api.undoImport,
    onSuccess: (result) => {
      setUndoing(null);
      notifications.show({
        message: `Import undone: ${result.archived} moved to the trash, ${result.restored} restored${result.activities ? `, ${result.activities} conversations, asks or events taken back` : ''}.`,
      });
      setDone(null);
      void refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not undone', message: error.message }),
  });

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    const picked = { name: chosen.name, content: await base64Of(chosen) };
    setFile(picked);
    setDone(null);
    setPreview(null);
    readPreview(picked, how);
  };
  // The preview is read again with each change (photos, days), so what is imported is what was
  // previewed.
  const change = (patch: Partial<ReadHow>) => {
    const next = { ...how, ...patch };
    setHow(next);
    if (file) readPreview(file, next);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void choose(event.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        Import and export
      </Title>
      <Text c="dimmed" size="sm" maw={720}>
        Bring your network in from LinkedIn (your data export’s .zip: connections, messages and
        invitations), Google Contacts or Outlook (CSV), a phone’s vCard file, or a calendar (.ics:
        past meetings become conversations, coming ones scheduled chats). You see what would change
        before anything is written; importing the same file again changes nothing.
      </Text>
      <Card
        withBorder
        padding="xl"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        style={{
          borderStyle: 'dashed',
          borderColor: dragging ? 'var(--mantine-color-indigo-6)' : undefined,
        }}
      >
        <Stack align="center" gap="xs">
          <IconFileImport size={32} aria-hidden />
          <Text>Drop a file here, or</Text>
          <Button onClick={() => input.current?.click()}>Choose a file</Button>
          <input
            ref={input}
            type="file"
            accept=".csv,.vcf,.vcard,.zip,.ics,text/csv,text/vcard,text/calendar,application/zip"
            aria-label="File to import"
            hidden
            onChange={(e) => void choose(e.currentTarget.files?.[0])}
          />
        </Stack>
      </Card>
      <Checkbox
        label="Keep the photos vCards carry (only pictures inside the file; none is ever fetched)"
        checked={how.keepPhotos}
        onChange={(e) => change({ keepPhotos: e.currentTarget.checked })}
      />
      {file && (/\.ics$/i.test(file.name) || preview?.format === 'icalendar') && (
        <Group gap="sm" wrap="wrap">
          {RECURRING_FIELDS.map(({ key, label, description }) => (
            <TextInput
              key={key}
              type="date"
              label={label}
              description={description}
              value={how[key]}
              onChange={(e) => change({ [key]: e.currentTarget.value })}
            />
          ))}
        </Group>
      )}
      {check.isPending && <Loader aria-label="Reading the file" />}
      {check.error && <Alert color="red">{check.error.message}</Alert>}
      {commit.error && <Alert color="red">{commit.error.message}</Alert>}

      {preview && file && (
        <Card withBorder padding="md" data-testid="import-preview">
          <Stack gap="sm">
            <Group justify="space-between" wrap="wrap">
              <Title order={2} size="h4">
                {preview.file}
              </Title>
              <Badge variant="light">{FORMAT_LABELS[preview.format] ?? preview.format}</Badge>
            </Group>
            <Counts report={preview} />
            {preview.status === 'refused' ? (
              <Alert color="red" title="Nothing can be imported until these rows are fixed">
                <Table aria-label="Rows with errors">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Line</Table.Th>
                      <Table.Th>Problem</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.errors.slice(0, 50).map((e) => (
                      <Table.Tr key={`${e.line}-${e.message}`}>
                        <Table.Td>{e.line}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Alert>
            ) : (
              <>
                <PeopleToAdd report={preview} />
                {preview.rows.some((r) => r.action === 'updated' || r.review) && (
                  <List size="sm" spacing={2}>
                    {preview.rows
                      .filter((r) => r.action === 'updated')
                      .slice(0, 20)
                      .map((r) => (
                        <List.Item key={`u${r.line}`}>
                          Line {r.line}: {r.name} — {r.changes.join(', ')} (matched by {r.matchedBy}
                          )
                        </List.Item>
                      ))}
                    {preview.rows
                      .filter((r) => r.review)
                      .slice(0, 20)
                      .map((r) => (
                        <List.Item key={`r${r.line}`}>
                          Line {r.line}: {r.name} — same name as {r.review?.name}, added as someone
                          new
                        </List.Item>
                      ))}
                  </List>
                )}
                {preview.rows.some((r) => r.repaired.length > 0) && (
                  <Text size="sm">{repairedNote(preview)}</Text>
                )}
                <Activities report={preview} />
                {preview.remarks.map((remark) => (
                  <Text key={remark} size="xs" c="dimmed">
                    {remark}
                  </Text>
                ))}
                {preview.ignoredFiles.length > 0 && (
                  <Text size="xs" c="dimmed">
                    Files in the archive left out: {preview.ignoredFiles.join(', ')}
                  </Text>
                )}
                {preview.ignoredColumns.length > 0 && (
                  <Text size="xs" c="dimmed">
                    Left out: {preview.ignoredColumns.join(', ')}
                  </Text>
                )}
                {commit.isPending && (
                  <Stack gap={4} data-testid="import-progress">
                    <Progress
                      value={progressValue(progress)}
                      animated
                      aria-label="Import progress"
                    />
                    <Text size="xs" c="dimmed" aria-live="polite">
                      {progressText(progress)}
                    </Text>
                  </Stack>
                )}
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setPreview(null)}>
                    Cancel
                  </Button>
                  <Button
                    loading={commit.isPending}
                    disabled={
                      // A preview being read again (new days) is not yet what would be imported.
                      check.isPending ||
                      preview.counts.new +
                        preview.counts.updated +
                        preview.activities.counts.new +
                        preview.activities.counts.updated ===
                        0
                    }
                    onClick={() => commit.mutate(file)}
                  >
                    {importLabel(preview)}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </Card>
      )}

      {done?.runId && (
        <Alert color="green" title="Imported" data-testid="import-done">
          <Stack gap="xs">
            <Text size="sm">
              People: {done.counts.new} new, {done.counts.updated} updated, {done.counts.unchanged}{' '}
              unchanged.
            </Text>
            <Activities report={done} />
            {done.counts.review > 0 && (
              <Text size="sm">
                {done.counts.review} {done.counts.review === 1 ? 'person has' : 'people have'} the
                same name as someone already here:{' '}
                <Anchor component={Link} href="/duplicates" underline="always">
                  review duplicates
                </Anchor>
                .
              </Text>
            )}
            <Group>
              <Button
                size="xs"
                variant="default"
                loading={undo.isPending}
                onClick={() =>
                  setUndoing({
                    id: done.runId ?? '',
                    file: done.file,
                    added: done.counts.new,
                    updated: done.counts.updated,
                    activities: done.activities.counts.new + done.activities.counts.updated,
                  })
                }
              >
                Undo this import
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      <ExportCard />
      <UndoConfirm
        choice={undoing}
        busy={undo.isPending}
        onConfirm={(id) => undo.mutate(id)}
        onCancel={() => setUndoing(null)}
      />

      <Title order={2} size="h4">
        Past imports
      </Title>
      {runs.data?.length === 0 && <Text size="sm">None yet.</Text>}
      {(runs.data ?? []).length > 0 && (
        <Table aria-label="Past imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>New</Table.Th>
              <Table.Th>Updated</Table.Th>
              <Table.Th>
                <span className="kith-visually-hidden">Undo</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(runs.data ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.file}</Table.Td>
                <Table.Td>{r.createdAt.slice(0, 16).replace('T', ' ')}</Table.Td>
                <Table.Td>{r.counts.new}</Table.Td>
                <Table.Td>{r.counts.updated}</Table.Td>
                <Table.Td>
                  {r.undoneAt ? (
                    <Text size="xs" c="dimmed">
                      undone
                    </Text>
                  ) : (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() =>
                        setUndoing({
                          id: r.id,
                          file: r.file,
                          added: r.counts.new,
                          updated: r.counts.updated,
                          activities: null,
                        })
                      }
                      aria-label={`Undo the import of ${r.file}`}
                    >
                      Undo
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
