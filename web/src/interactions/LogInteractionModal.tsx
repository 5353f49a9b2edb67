// Log an interaction from anywhere (press L): who, what kind, when, a summary, notes and
// each insight on its own line so search can point at it later.
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  INTERACTION_KINDS,
  interactionCreateSchema,
  type Interaction,
  type InteractionCreate,
} from '../../../src/domain/interaction.js';
import { api } from '../api';
import type { ParticipantChoice } from '../app/actions';
import { FormModal } from '../app/FormModal';
import { apiFieldErrors, validate, type FieldErrors } from '../app/field-errors';
import { KIND_LABELS } from '../app/format';
import { PersonPicker } from './PersonPicker';
import { refreshAfterChats } from '../app/refresh';

const FIELDS = ['participantIds', 'kind', 'occurredAt', 'summary', 'notes', 'insights'] as const;

/** Now, as the value of a datetime-local input (local time, to the minute). */
const localNow = (): string => localInput(new Date().toISOString());

/** An instant as the value of a datetime-local input, in this browser's zone. */
function localInput(iso: string): string {
  const d = new Date(iso);
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

export function LogInteractionModal(props: {
  initialParticipants: ParticipantChoice[];
  /** An interaction to change instead of logging a new one. */
  editing?: Interaction | undefined;
  onClose(): void;
}) {
  const queryClient = useQueryClient();
  const editing = props.editing;
  // The dialog is mounted each time it opens: its form starts from the props once, and nothing
  // the app does while it is open (a new render, the theme changing) fills it again.
  const [participants, setParticipants] = useState<ParticipantChoice[]>(
    () => editing?.participants ?? props.initialParticipants,
  );
  const [kind, setKind] = useState<string>(editing?.kind ?? 'coffee');
  const [when, setWhen] = useState(() => (editing ? localInput(editing.occurredAt) : localNow()));
  const [summary, setSummary] = useState(editing?.summary ?? '');
  const [notes, setNotes] = useState(editing?.notes ?? '');
  const [insights, setInsights] = useState<string[]>(() =>
    editing && editing.insights.length ? editing.insights.map((i) => i.text) : [''],
  );
  const [noThanks, setNoThanks] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  // A new chat of a kind that earns a thank-you may be said to need none.
  const settings = useQuery({ queryKey: ['settings'], queryFn: api.settings });
  const earnsThanks =
    !editing && (settings.data?.thankYouKinds ?? []).includes(kind as Interaction['kind']);

  const log = useMutation({
    mutationFn: (input: InteractionCreate) =>
      editing ? api.updateInteraction(editing.id, input) : api.createInteraction(input),
    onSuccess: (interaction) => {
      // Everyone in it, and anyone taken off it, has a timeline and a tie to refresh.
      refreshAfterChats(queryClient, [
        ...interaction.participants.map((p) => p.id),
        ...(editing?.participants ?? []).map((p) => p.id),
      ]);
      const who = interaction.participants.map((p) => p.displayName).join(', ');
      notifications.show({
        message:
          `${editing ? 'Saved' : 'Logged'} “${interaction.summary}” with ${who}.` +
          (!editing && interaction.thankYou === 'owed' ? ' A thank-you is now on Today.' : ''),
      });
      props.onClose();
    },
    onError: (error) => setErrors(apiFieldErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const date = new Date(when);
    const input = {
      participantIds: participants.map((p) => p.id),
      kind,
      occurredAt: Number.isNaN(date.getTime()) ? when : date.toISOString(),
      summary,
      ...(notes.trim() ? { notes } : editing ? { notes: null } : {}),
      insights: insights.map((i) => i.trim()).filter(Boolean),
      ...(earnsThanks && noThanks ? { thankYou: 'not-needed' } : {}),
    };
    const checked = validate(interactionCreateSchema, input);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    log.mutate(input as InteractionCreate);
  };

  return (
    <FormModal
      title={editing ? 'Edit the interaction' : 'Log an interaction'}
      error={errors.form}
      submitLabel={editing ? 'Save' : 'Log it'}
      submitting={log.isPending}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <PersonPicker
        label="With"
        value={participants}
        onChange={setParticipants}
        error={errors.participantIds}
        autoFocus={props.initialParticipants.length === 0}
      />
      <Group grow wrap="wrap">
        <Select
          label="Kind"
          data={INTERACTION_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k }))}
          value={kind}
          onChange={(v) => setKind(v ?? 'coffee')}
          allowDeselect={false}
          error={errors.kind}
          miw={150}
        />
        <TextInput
          label="When"
          type="datetime-local"
          value={when}
          onChange={(e) => setWhen(e.currentTarget.value)}
          error={errors.occurredAt}
          miw={200}
        />
      </Group>
      <TextInput
        label="Summary"
        required
        placeholder="Coffee about moving into product"
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        error={errors.summary}
        data-autofocus={props.initialParticipants.length > 0 ? true : undefined}
      />
      <Textarea
        label="Notes"
        description="Markdown"
        autosize
        minRows={3}
        maxRows={10}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        error={errors.notes}
      />
      <Stack gap={6}>
        <Text size="sm" fw={500} component="div" id="insights-label">
          Insights
        </Text>
        <Text size="xs" c="dimmed">
          One thing you learned per line: the advice, the idea, the name they gave you.
        </Text>
        {insights.map((insight, index) => (
          <Group key={index} gap="xs" wrap="nowrap">
            <TextInput
              flex={1}
              aria-label={`Insight ${index + 1}`}
              value={insight}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setInsights((all) => all.map((v, i) => (i === index ? value : v)));
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && insight.trim()) {
                  e.preventDefault();
                  setInsights((all) => [...all, '']);
                }
              }}
              error={index === 0 ? errors.insights : undefined}
            />
            {insights.length > 1 && (
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove insight ${index + 1}`}
                onClick={() => setInsights((all) => all.filter((_, i) => i !== index))}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setInsights((all) => [...all, ''])}
          >
            Add an insight
          </Button>
        </Group>
      </Stack>
      {earnsThanks && (
        <Checkbox
          label="No thank-you needed for this chat"
          description="Otherwise a thank-you to them is put on Today."
          checked={noThanks}
          onChange={(e) => setNoThanks(e.currentTarget.checked)}
        />
      )}
    </FormModal>
  );
}

export default LogInteractionModal;
