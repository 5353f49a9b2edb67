// Ask one person one specific question: the question, what it is for, how long, and the
// campaign it belongs to. Warns (never refuses) when the text holds several questions.
// Or note a question someone asked the user: it waits on the user's answer, on Today.
import {
  Alert,
  Group,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { questionWarnings } from '../../../src/domain/method/ask.js';
import { askCreateSchema } from '../../../src/domain/method/schemas.js';
import { api, type Ask } from '../api';
import type { ParticipantChoice } from '../app/actions';
import { FormModal } from '../app/FormModal';
import { apiFieldErrors, validate, type FieldErrors } from '../app/field-errors';
import { PURPOSES } from '../app/format';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { PersonPicker } from '../interactions/PersonPicker';

export interface NewAskDefaults {
  person?: ParticipantChoice;
  campaignId?: string | null;
  /** Filled in when the ask comes from elsewhere (a warm path's introduction request). */
  question?: string;
  purpose?: string;
}

const FIELDS = [
  'personId',
  'question',
  'purpose',
  'minutes',
  'channel',
  'campaignId',
  'askedAt',
] as const;

/** Today's date in this browser, for a date input. */
const todayHere = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

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
  const [direction, setDirection] = useState<'outgoing' | 'incoming'>('outgoing');
  const [askedOn, setAskedOn] = useState(todayHere());
  const incoming = direction === 'incoming';
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: api.createAsk,
    onSuccess: props.onCreated,
    onError: (error) => setErrors(apiFieldErrors(error, FIELDS)),
  });
  // Their question is theirs: the one-question advice is for the user's own asks.
  const warnings = incoming ? [] : questionWarnings(question);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The day they asked, at this moment of the day (today) or at noon (an earlier day).
    const askedAt =
      askedOn === todayHere()
        ? new Date().toISOString()
        : askedOn
          ? new Date(`${askedOn}T12:00:00`).toISOString()
          : undefined;
    const input = {
      personId: people[people.length - 1]?.id ?? '',
      question,
      purpose,
      minutes: Number(minutes),
      ...(channel.trim() ? { channel } : {}),
      ...(incoming
        ? { direction, ...(askedAt ? { askedAt } : {}) }
        : { campaignId: campaignId || null }),
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
      title={incoming ? 'A question someone asked you' : 'Ask one specific question'}
      error={errors.form}
      submitLabel={incoming ? 'Save: waiting on my answer' : 'Save as draft'}
      submitting={create.isPending}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <SegmentedControl
        aria-label="Who asks"
        value={direction}
        onChange={(value) => setDirection(value === 'incoming' ? 'incoming' : 'outgoing')}
        data={[
          { value: 'outgoing', label: 'I ask them' },
          { value: 'incoming', label: 'They asked me' },
        ]}
      />
      <PersonPicker
        label={incoming ? 'Who asked you' : 'Whom to ask'}
        value={people}
        onChange={(chosen) => setPeople(chosen.slice(-1))}
        error={errors.personId}
        autoFocus={!props.defaults.person}
      />
      <Textarea
        label="The question"
        description={
          incoming
            ? 'What they would like from you: a short chat, advice, an introduction'
            : 'One specific question they can answer in a short chat'
        }
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
      {incoming ? (
        <TextInput
          type="date"
          label="When they asked"
          max={todayHere()}
          value={askedOn}
          onChange={(e) => setAskedOn(e.currentTarget.value)}
          error={errors.askedAt}
        />
      ) : (
        <CampaignSelect
          label="Campaign"
          noneLabel="None"
          value={campaignId}
          onChange={setCampaignId}
          error={errors.campaignId}
        />
      )}
    </FormModal>
  );
}
