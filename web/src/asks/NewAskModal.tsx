// Ask one person one specific question: the question, what it is for, how long, and the
// campaign it belongs to. Warns (never refuses) when the text holds several questions.
import { Alert, Group, NativeSelect, NumberInput, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { questionWarnings } from '../../../src/domain/method/ask.js';
import { askCreateSchema } from '../../../src/domain/method/schemas.js';
import { api, type Ask } from '../api';
import type { ParticipantChoice } from '../app/actions';
import { FormModal } from '../app/FormModal';
import { apiFieldErrors, validate, type FieldErrors } from '../app/field-errors';
import { PURPOSES } from '../app/format';
import { PersonPicker } from '../interactions/PersonPicker';

export interface NewAskDefaults {
  person?: ParticipantChoice;
  campaignId?: string | null;
  /** Filled in when the ask comes from elsewhere (a warm path's introduction request). */
  question?: string;
  purpose?: string;
}

const FIELDS = ['personId', 'question', 'purpose', 'minutes', 'channel', 'campaignId'] as const;

export function NewAskModal(props: {
  defaults: NewAskDefaults;
  onClose(): void;
  onCreated(ask: Ask): void;
}) {
  const [people, setPeople] = useState<ParticipantChoice[]>(
    props.defaults.person ? [props.defaults.person] : [],
  );
  const [question, setQuestion] = useState(props.defaults.question ?? '');
  const [purpose, setPurpose] = useState(props.defaults.purpose ?? 'path');
  const [minutes, setMinutes] = useState<number | string>(30);
  const [channel, setChannel] = useState('');
  const [campaignId, setCampaignId] = useState(props.defaults.campaignId ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: api.campaigns });
  const create = useMutation({
    mutationFn: api.createAsk,
    onSuccess: props.onCreated,
    onError: (error) => setErrors(apiFieldErrors(error, FIELDS)),
  });
  const warnings = questionWarnings(question);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      personId: people[people.length - 1]?.id ?? '',
      question,
      purpose,
      minutes: Number(minutes),
      ...(channel.trim() ? { channel } : {}),
      campaignId: campaignId || null,
    };
    const checked = validate(askCreateSchema, input);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    create.mutate(input as Parameters<typeof api.createAsk>[0]);
  };

  return (
    <FormModal
      title="Ask one specific question"
      error={errors.form}
      submitLabel="Save as draft"
      submitting={create.isPending}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <PersonPicker
        label="Whom to ask"
        value={people}
        onChange={(chosen) => setPeople(chosen.slice(-1))}
        error={errors.personId}
        autoFocus={!props.defaults.person}
      />
      <Textarea
        label="The question"
        description="One specific question they can answer in a short chat"
        required
        autosize
        minRows={2}
        data-autofocus={props.defaults.person ? true : undefined}
        value={question}
        onChange={(e) => setQuestion(e.currentTarget.value)}
        error={errors.question}
      />
      {warnings.map((w) => (
        <Alert key={w} color="yellow" variant="light" role="status">
          {w}
        </Alert>
      ))}
      <NativeSelect
        label="What it is for"
        data={PURPOSES}
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value)}
        error={errors.purpose}
      />
      <Group grow wrap="wrap">
        <NumberInput
          label="Minutes to ask for"
          min={5}
          max={240}
          step={5}
          value={minutes}
          onChange={setMinutes}
          error={errors.minutes}
          miw={140}
        />
        <TextInput
          label="Channel"
          placeholder="email, LinkedIn, Slack…"
          value={channel}
          onChange={(e) => setChannel(e.currentTarget.value)}
          error={errors.channel}
          miw={160}
        />
      </Group>
      <NativeSelect
        label="Campaign"
        data={[
          { value: '', label: 'None' },
          ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })),
        ]}
        value={campaignId}
        onChange={(e) => setCampaignId(e.currentTarget.value)}
        error={errors.campaignId}
      />
    </FormModal>
  );
}
