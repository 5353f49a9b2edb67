// One person: profile edited in place, roles and tags, keep-in-touch cadence, notes in
// Markdown, the timeline of interactions with their insights, and who they are linked to.
// Edits show at once and roll back, with the server's message beside the field, on error.
import {
  Alert,
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  MultiSelect,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconMessagePlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { formatCadence, parseCadence } from '../../../src/domain/cadence.js';
import { describeCadenceInEffect } from '../../../src/domain/cadence-text.js';
import { cadenceInEffect } from '../../../src/domain/method/keep-in-touch.js';
import { KithError } from '../../../src/domain/errors.js';
import { ROLES, type Person, type PersonPatch } from '../../../src/domain/person.js';
import { api, ApiError } from '../api';
import { useAppActions } from '../app/actions';
import { longDate, relativeDay, ROLE_LABELS } from '../app/format';
import { EditableField } from './EditableField';
import { Markdown } from './Markdown';
import { PersonAsks } from './PersonAsks';
import { Timeline } from './Timeline';
import { ReachLinks } from './ReachLinks';
import { DatesCard } from './DatesCard';
import { EraseDialog } from '../trash/EraseDialog';
import { TieAndLedger, WhomTheyKnow } from './ConnectorCards';

const list = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The cached person with a patch applied, so the page shows an edit before the server answers. */
function optimistic(person: Person, patch: PersonPatch): Person {
  const { organization, ...rest } = patch;
  const next = { ...person, ...rest } as Person;
  if (organization !== undefined) {
    next.organization = organization
      ? { id: person.organization?.id ?? '', name: organization }
      : null;
  }
  return next;
}

export function PersonPage({ id }: { id: string }) {
  const queryClient = useQueryClient();
  const actions = useAppActions();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [erasing, setErasing] = useState(false);
  const [, navigate] = useLocation();
  const person = useQuery({ queryKey: ['person', id], queryFn: () => api.person(id) });
  const settings = useQuery({ queryKey: ['settings'], queryFn: api.settings });

  const update = useMutation({
    mutationFn: (patch: PersonPatch) => api.updatePerson(id, patch),
    onMutate: async (patch) => {
      setErrors({});
      await queryClient.cancelQueries({ queryKey: ['person', id] });
      const before = queryClient.getQueryData<Person>(['person', id]);
      if (before) queryClient.setQueryData(['person', id], optimistic(before, patch));
      return { before };
    },
    onError: (error, patch, context) => {
      if (context?.before) queryClient.setQueryData(['person', id], context.before);
      const field = Object.keys(patch)[0] ?? 'form';
      const message =
        error instanceof ApiError ? (error.messageFor(field) ?? error.message) : error.message;
      setErrors({ [field]: message });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['person', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });

  const archive = useMutation({
    mutationFn: (to: 'archive' | 'restore') =>
      to === 'archive' ? api.archivePerson(id) : api.restorePerson(id),
    onMutate: async (to) => {
      await queryClient.cancelQueries({ queryKey: ['person', id] });
      const before = queryClient.getQueryData<Person>(['person', id]);
      if (before) {
        queryClient.setQueryData(['person', id], {
          ...before,
          archivedAt: to === 'archive' ? new Date().toISOString() : null,
        });
      }
      return { before };
    },
    onError: (error, _to, context) => {
      if (context?.before) queryClient.setQueryData(['person', id], context.before);
      notifications.show({ color: 'red', message: error.message });
    },
    onSuccess: (saved, to) => {
      queryClient.setQueryData(['person', id], saved);
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
      notifications.show({
        message:
          to === 'archive'
            ? `${saved.displayName} is in the trash; nothing is lost.`
            : `${saved.displayName} is back.`,
      });
    },
  });

  if (person.isLoading) return <Loader aria-label="Loading" />;
  if (person.error || !person.data) {
    return (
      <Alert color="red" title="This person could not be shown">
        {person.error?.message ?? 'Not found.'}
      </Alert>
    );
  }
  const p = person.data;
  const save = (patch: PersonPatch) => update.mutate(patch);
  const text = (field: keyof PersonPatch) => (value: string) =>
    save({ [field]: value.trim() ? value : null } as PersonPatch);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Anchor component={Link} href="/people" size="sm">
            ← People
          </Anchor>
          <Group gap="sm" wrap="nowrap">
            <PersonPhoto personId={p.id} />
            <Title order={1} size="h2">
              {p.displayName}
            </Title>
          </Group>
          <Text c="dimmed">
            {[p.title, p.organization?.name, p.unit].filter(Boolean).join(' · ') || ' '}
          </Text>
          <Text size="sm" c="dimmed">
            Last contact {relativeDay(p.lastContactAt)}
            {p.lastContactAt ? ` (${longDate(p.lastContactAt)})` : ''}
          </Text>
          {p.archivedAt && (
            <Badge color="gray" variant="filled">
              In the trash since {longDate(p.archivedAt)}
            </Badge>
          )}
          <ReachLinks person={p} />
        </Stack>
        <Group gap="xs">
          <Button
            leftSection={<IconMessagePlus size={16} aria-hidden />}
            onClick={() => actions.logInteraction([{ id: p.id, displayName: p.displayName }])}
          >
            Log a chat
          </Button>
          {p.archivedAt ? (
            <Button
              variant="light"
              leftSection={<IconArrowBackUp size={16} aria-hidden />}
              onClick={() => archive.mutate('restore')}
              loading={archive.isPending}
            >
              Restore
            </Button>
          ) : (
            <Button
              variant="light"
              color="red"
              leftSection={<IconArchive size={16} aria-hidden />}
              onClick={() => archive.mutate('archive')}
              loading={archive.isPending}
            >
              Archive
            </Button>
          )}
          <Button variant="subtle" color="red" onClick={() => setErasing(true)}>
            Erase…
          </Button>
        </Group>
        {erasing && (
          <EraseDialog
            target={{ kind: 'person', name: p.displayName }}
            erase={() => api.erasePerson(p.id)}
            onClose={() => setErasing(false)}
            onErased={() => navigate('/people')}
          />
        )}
      </Group>

      <Grid gap="md">
        {/* On a phone the notes, asks and timeline come first: what one opens a person for
            on the go; the profile follows. */}
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="sm">
                Profile
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <EditableField
                  label="Name"
                  value={p.displayName}
                  error={errors.displayName}
                  onSave={(v) => save({ displayName: v })}
                />
                <EditableField
                  label="Title"
                  value={p.title ?? ''}
                  error={errors.title}
                  onSave={text('title')}
                />
                <EditableField
                  label="Organization"
                  value={p.organization?.name ?? ''}
                  error={errors.organization}
                  onSave={text('organization')}
                />
                <EditableField
                  label="Unit"
                  value={p.unit ?? ''}
                  error={errors.unit}
                  onSave={text('unit')}
                />
                <EditableField
                  label="Location"
                  value={p.location ?? ''}
                  error={errors.location}
                  onSave={text('location')}
                />
                <EditableField
                  label="Met on"
                  value={p.metOn ?? ''}
                  placeholder="Add the day you met (YYYY-MM-DD)"
                  error={errors.metOn}
                  onSave={text('metOn')}
                />
                <EditableField
                  label="Emails"
                  value={p.emails.join(', ')}
                  error={errors.emails}
                  onSave={(v) => save({ emails: list(v) })}
                />
                <EditableField
                  label="Phones"
                  value={p.phones.join(', ')}
                  error={errors.phones}
                  onSave={(v) => save({ phones: list(v) })}
                />
                <EditableField
                  label="Messaging"
                  value={p.handles.join(', ')}
                  placeholder="telegram:@dana, signal:+351 912 345 678"
                  emptyText="Add (telegram:@name, signal:+number…)"
                  error={errors.handles}
                  onSave={(v) => save({ handles: list(v) })}
                />
                <EditableField
                  label="LinkedIn"
                  value={p.linkedin ?? ''}
                  error={errors.linkedin}
                  display={
                    p.linkedin ? (
                      <Anchor href={p.linkedin} target="_blank" rel="noopener noreferrer" size="sm">
                        {p.linkedin.replace(/^https:\/\/www\./, '')}
                      </Anchor>
                    ) : undefined
                  }
                  onSave={text('linkedin')}
                />
                <EditableField
                  label="How we met"
                  value={p.howWeMet ?? ''}
                  error={errors.howWeMet}
                  onSave={text('howWeMet')}
                />
              </SimpleGrid>
            </Card>
            <Card withBorder padding="md">
              <Stack gap="sm">
                <Title order={2} size="h4">
                  Roles, tags and keeping in touch
                </Title>
                <MultiSelect
                  label="Roles"
                  data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }))}
                  value={p.roles}
                  onChange={(roles) => save({ roles: roles as Person['roles'] })}
                  error={errors.roles}
                />
                <TagsInput
                  label="Tags"
                  description="Expertise and interests"
                  value={p.tags}
                  onChange={(tags) => save({ tags })}
                  error={errors.tags}
                />
                <CadenceField
                  value={formatCadence(p.cadence)}
                  inEffect={
                    p.cadence.kind === 'none'
                      ? cadenceInEffect(p.cadence, p.roles, settings.data?.roleCadence)
                      : null
                  }
                  error={errors.cadence}
                  onSave={(cadence) => save({ cadence })}
                  onInvalid={(message) => setErrors({ cadence: message })}
                />
                <Switch
                  label="No thank-you needed"
                  description="Chats with them put no thank-you on Today."
                  checked={p.noThankYou}
                  onChange={(e) => save({ noThankYou: e.currentTarget.checked })}
                />
              </Stack>
            </Card>
            <DatesCard dates={p.dates} error={errors.dates} onSave={(dates) => save({ dates })} />
            <TieAndLedger personId={p.id} />
            <WhomTheyKnow personId={p.id} name={p.displayName} />
            <LinkedPeople person={p} />
            <ImportedText personId={p.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <Card withBorder padding="md">
              <Title order={2} size="h4" mb="sm">
                Notes
              </Title>
              <EditableField
                label="Notes"
                multiline
                value={p.notes ?? ''}
                placeholder="Add notes (Markdown)"
                error={errors.notes}
                display={p.notes ? <Markdown text={p.notes} /> : undefined}
                onSave={text('notes')}
              />
            </Card>
            <PersonAsks personId={p.id} name={p.displayName} />
            <Timeline personId={p.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function CadenceField(props: {
  value: string;
  /** When the person has no cadence of their own: what applies, and from which role. */
  inEffect: ReturnType<typeof cadenceInEffect> | null;
  error?: string | undefined;
  onSave(cadence: Person['cadence']): void;
  onInvalid(message: string): void;
}) {
  return (
    <EditableField
      label="Keep in touch"
      value={props.value === 'none' ? '' : props.value}
      emptyText={props.inEffect?.role ? describeCadenceInEffect(props.inEffect) : undefined}
      placeholder="Not set: “every 6w”, “once 2027-01-15”"
      error={props.error}
      onSave={(text) => {
        try {
          props.onSave(parseCadence(text));
        } catch (error) {
          props.onInvalid(
            error instanceof KithError ? error.message.replace(/^cadence: /, '') : String(error),
          );
        }
      }}
    />
  );
}

/** The photo kept from a vCard, when there is one (asked first, so no image ever 404s). */
function PersonPhoto({ personId }: { personId: string }) {
  const provenance = useQuery({
    queryKey: ['person', personId, 'provenance'],
    queryFn: () => api.provenance(personId),
  });
  if (!provenance.data?.photo) return null;
  return <Avatar src={`/api/people/${personId}/photo`} alt="" size="lg" radius="xl" />;
}

/** Text an import repaired for this person, with what the file said: shown only when some was. */
function ImportedText({ personId }: { personId: string }) {
  const provenance = useQuery({
    queryKey: ['person', personId, 'provenance'],
    queryFn: () => api.provenance(personId),
  });
  const runs = provenance.data?.repaired ?? [];
  if (runs.length === 0) return null;
  return (
    <Card withBorder padding="md" data-testid="provenance">
      <Title order={2} size="h4" mb="sm">
        Repaired on import
      </Title>
      <Stack gap={4}>
        {runs.map((run) => (
          <Text key={run.runId} size="sm">
            {run.file}, {run.at.slice(0, 10)}:{' '}
            {run.repaired.map((r) => `${r.field} was “${r.original}”`).join('; ')}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}

/** People this person shares chats with, and colleagues in the same organization. */
function LinkedPeople({ person }: { person: Person }) {
  const org = person.organization?.name;
  const colleagues = useQuery({
    queryKey: ['people', 'list', { organization: org, limit: 9 }],
    queryFn: () => api.people({ organization: org, limit: 9, sort: 'last-contact' }),
    enabled: !!org,
  });
  const interactions = useQuery({
    queryKey: ['interactions', person.id],
    queryFn: () => api.personInteractions(person.id),
  });
  const together = new Map<string, { name: string; count: number }>();
  for (const i of interactions.data?.items ?? []) {
    for (const other of i.participants) {
      if (other.id === person.id) continue;
      const seen = together.get(other.id) ?? { name: other.displayName, count: 0 };
      together.set(other.id, { ...seen, count: seen.count + 1 });
    }
  }
  const sameOrg = (colleagues.data?.items ?? []).filter((c) => c.id !== person.id).slice(0, 8);
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        Linked to
      </Title>
      {together.size === 0 && sameOrg.length === 0 && (
        <Text size="sm" c="dimmed">
          Nobody yet. People you meet together, and colleagues at the same organization, show here.
        </Text>
      )}
      {together.size > 0 && (
        <Stack gap={4} mb="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Met together
          </Text>
          {[...together].map(([otherId, o]) => (
            <Anchor key={otherId} component={Link} href={`/people/${otherId}`} size="sm">
              {o.name} ({o.count} {o.count === 1 ? 'chat' : 'chats'})
            </Anchor>
          ))}
        </Stack>
      )}
      {sameOrg.length > 0 && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Also at {org}
          </Text>
          {sameOrg.map((c) => (
            <Anchor key={c.id} component={Link} href={`/people/${c.id}`} size="sm">
              {c.displayName}
              {c.unit ? ` · ${c.unit}` : ''}
            </Anchor>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export default PersonPage;
