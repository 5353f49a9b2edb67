// Introductions, both ways. Giving back: the user introduces two people with double opt-in —
// ask A, and only when A says yes ask B, then connect them — each step one click, each
// message drafted from the user's templates. Received: "Priya introduced me to Tom", which
// records that Priya knows Tom and counts in the campaign that led to it.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CopyButton,
  Group,
  Loader,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsJoin, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { firstName } from '../../../src/domain/connect/who.js';
import { introMadeSchema } from '../../../src/domain/connect/schemas.js';
import { api, type IntroAction, type Introduction } from '../api';
import type { ParticipantChoice } from '../app/actions';
import { FormModal } from '../app/FormModal';
import { apiFieldErrors, validate, type FieldErrors } from '../app/field-errors';
import { longDate } from '../app/format';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { PersonPicker } from '../interactions/PersonPicker';

const STATE_LABELS: Record<string, string> = {
  proposed: 'Proposed',
  'asked-a': 'Waiting for A',
  'asked-b': 'Waiting for B',
  accepted: 'Both said yes',
  made: 'Made',
  closed: 'Closed',
  declined: 'Declined',
};

/** The buttons an introduction's next steps get, in words about the two people. */
function stepsOf(intro: Introduction): { label: string; action: IntroAction }[] {
  const a = firstName(intro.personAName);
  const b = firstName(intro.personBName);
  const out: { label: string; action: IntroAction }[] = [];
  for (const step of intro.allowedActions) {
    if (step === 'ask-a') out.push({ label: `I asked ${a}`, action: { type: 'ask-a' } });
    if (step === 'accept-a') out.push({ label: `${a} said yes`, action: { type: 'accept-a' } });
    if (step === 'ask-b') out.push({ label: `I asked ${b}`, action: { type: 'ask-b' } });
    if (step === 'accept-b') out.push({ label: `${b} said yes`, action: { type: 'accept-b' } });
    if (step === 'make') out.push({ label: 'I introduced them', action: { type: 'make' } });
    if (step === 'decline') {
      out.push({ label: `${a} declined`, action: { type: 'decline', by: 'a' } });
      if (intro.state !== 'proposed' && intro.state !== 'asked-a')
        out.push({ label: `${b} declined`, action: { type: 'decline', by: 'b' } });
    }
  }
  return out;
}

export function IntroductionsPage() {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<'made' | 'received'>('made');
  const [receiving, setReceiving] = useState(false);
  const [making, setMaking] = useState(false);
  const [drafting, setDrafting] = useState<Introduction | null>(null);
  const [noting, setNoting] = useState<Introduction | null>(null);
  const list = useQuery({
    queryKey: ['introductions', kind],
    queryFn: () => api.introductions({ kind }),
  });
  const refresh = () =>
    Promise.all(
      ['introductions', 'ledger', 'knows', 'who', 'insights', 'today', 'campaigns'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
  const act = useMutation({
    mutationFn: (v: { intro: Introduction; action: IntroAction }) =>
      api.actOnIntroduction(v.intro.id, v.action),
    onSuccess: () => refresh(),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not done', message: error.message }),
  });

  return (
    <Stack gap="md" maw={900}>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Introductions
        </Title>
        <Group gap="xs">
          <Button
            leftSection={<IconArrowsJoin size={16} aria-hidden />}
            onClick={() => setMaking(true)}
          >
            Introduce two people
          </Button>
          <Button
            variant="default"
            leftSection={<IconUserPlus size={16} aria-hidden />}
            onClick={() => setReceiving(true)}
          >
            Record one received
          </Button>
        </Group>
      </Group>
      <Text c="dimmed" size="sm" maw={720}>
        Giving back is half of networking: connect people who would gain from meeting. Ask the first
        person, and only if they are glad to, ask the second; then send the message that connects
        them.
      </Text>
      <SegmentedControl
        aria-label="Which introductions"
        value={kind}
        onChange={(v) => setKind(v as 'made' | 'received')}
        data={[
          { value: 'made', label: 'You introduce' },
          { value: 'received', label: 'You were introduced' },
        ]}
        maw={420}
      />
      {list.isLoading && <Loader aria-label="Loading" />}
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {list.data?.length === 0 && (
        <Text>
          {kind === 'made'
            ? 'No introductions made yet. Who in your network would enjoy meeting each other?'
            : 'No introductions received yet.'}
        </Text>
      )}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {(list.data ?? []).map((intro) => (
          <Card key={intro.id} withBorder padding="sm" component="li" data-testid="introduction">
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>
                  {intro.kind === 'received' ? (
                    <>
                      <Anchor
                        component={Link}
                        href={`/people/${intro.personA}`}
                        inherit
                        underline="always"
                      >
                        {intro.personAName}
                      </Anchor>{' '}
                      introduced you to{' '}
                      <Anchor
                        component={Link}
                        href={`/people/${intro.personB}`}
                        inherit
                        underline="always"
                      >
                        {intro.personBName}
                      </Anchor>
                    </>
                  ) : (
                    <>
                      <Anchor
                        component={Link}
                        href={`/people/${intro.personA}`}
                        inherit
                        underline="always"
                      >
                        {intro.personAName}
                      </Anchor>{' '}
                      and{' '}
                      <Anchor
                        component={Link}
                        href={`/people/${intro.personB}`}
                        inherit
                        underline="always"
                      >
                        {intro.personBName}
                      </Anchor>
                    </>
                  )}
                </Text>
                <Badge variant="light" color={intro.state === 'declined' ? 'gray' : 'indigo'}>
                  {STATE_LABELS[intro.state] ?? intro.state}
                </Badge>
              </Group>
              <Text size="sm">{intro.reason}</Text>
              {intro.outcome && (
                <Text size="sm" c="dimmed">
                  What came of it: {intro.outcome}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                Since {longDate(intro.createdAt)}
                {intro.history.length > 1 &&
                  ` · ${intro.history
                    .slice(1)
                    .map((h) => h.note ?? h.action)
                    .join(' → ')}`}
              </Text>
              <Group gap="xs" wrap="wrap">
                {intro.kind === 'made' &&
                  intro.state !== 'declined' &&
                  intro.state !== 'closed' && (
                    <Button size="xs" variant="light" onClick={() => setDrafting(intro)}>
                      Draft the message
                    </Button>
                  )}
                {stepsOf(intro).map((s) => (
                  <Button
                    key={s.label}
                    size="xs"
                    variant={s.action.type === 'decline' ? 'default' : 'filled'}
                    loading={act.isPending && act.variables?.intro === intro}
                    onClick={() => act.mutate({ intro, action: s.action })}
                  >
                    {s.label}
                  </Button>
                ))}
                {intro.allowedActions.includes('outcome') && (
                  <Button size="xs" variant="default" onClick={() => setNoting(intro)}>
                    Note what came of it
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
      {making && (
        <MakeIntroductionModal
          onClose={() => setMaking(false)}
          onDone={() => {
            setMaking(false);
            setKind('made');
            void refresh();
          }}
        />
      )}
      {receiving && (
        <ReceivedIntroductionModal
          onClose={() => setReceiving(false)}
          onDone={() => {
            setReceiving(false);
            setKind('received');
            void refresh();
          }}
        />
      )}
      {drafting && <DraftModal intro={drafting} onClose={() => setDrafting(null)} />}
      {noting && (
        <OutcomeModal
          intro={noting}
          onClose={() => setNoting(null)}
          onDone={() => {
            setNoting(null);
            void refresh();
          }}
        />
      )}
    </Stack>
  );
}

function MakeIntroductionModal(props: { onClose(): void; onDone(): void }) {
  const [a, setA] = useState<ParticipantChoice[]>([]);
  const [b, setB] = useState<ParticipantChoice[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const propose = useMutation({
    mutationFn: api.proposeIntroduction,
    onSuccess: props.onDone,
    onError: (error) => setErrors(apiFieldErrors(error, ['personA', 'personB', 'reason'])),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { personA: a[0]?.id ?? '', personB: b[0]?.id ?? '', reason };
    const checked = validate(introMadeSchema, input);
    if (checked.errors) return setErrors(checked.errors);
    if (input.personA === input.personB) return setErrors({ personB: 'pick two different people' });
    setErrors({});
    propose.mutate(input);
  };
  return (
    <FormModal
      title="Introduce two people"
      submitLabel="Propose"
      submitting={propose.isPending}
      error={errors.form}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <PersonPicker
        label="First person (asked first)"
        value={a}
        onChange={(v) => setA(v.slice(-1))}
        error={errors.personA}
        autoFocus
      />
      <PersonPicker
        label="Second person"
        value={b}
        onChange={(v) => setB(v.slice(-1))}
        error={errors.personB}
      />
      <Textarea
        label="Why they should meet"
        description="Goes into both messages"
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
      />
    </FormModal>
  );
}

function ReceivedIntroductionModal(props: { onClose(): void; onDone(): void }) {
  const [introducer, setIntroducer] = useState<ParticipantChoice[]>([]);
  const [person, setPerson] = useState<ParticipantChoice[]>([]);
  const [newName, setNewName] = useState('');
  const [reason, setReason] = useState('');
  const [campaignId, setCampaignId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const receive = useMutation({
    mutationFn: api.receiveIntroduction,
    onSuccess: props.onDone,
    onError: (error) =>
      setErrors(
        apiFieldErrors(error, ['introducerId', 'personId', 'newPerson', 'reason', 'campaignId']),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!introducer[0]) found.introducerId = 'say who introduced you';
    if (!person[0] && !newName.trim())
      found.personId = 'pick the person, or type the name of someone new below';
    if (person[0] && newName.trim()) found.personId = 'pick someone or type a new name, not both';
    if (Object.keys(found).length) return setErrors(found);
    setErrors({});
    receive.mutate({
      introducerId: introducer[0]?.id ?? '',
      ...(person[0] ? { personId: person[0].id } : { newPerson: { displayName: newName.trim() } }),
      ...(reason.trim() ? { reason } : {}),
      ...(campaignId ? { campaignId } : {}),
    });
  };
  return (
    <FormModal
      title="Record an introduction you received"
      submitLabel="Save"
      submitting={receive.isPending}
      error={errors.form}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <PersonPicker
        label="Who introduced you"
        value={introducer}
        onChange={(v) => setIntroducer(v.slice(-1))}
        error={errors.introducerId}
        autoFocus
      />
      <PersonPicker
        label="Whom you were introduced to"
        value={person}
        onChange={(v) => setPerson(v.slice(-1))}
        error={errors.personId}
      />
      <TextInput
        label="…or someone new to Kith"
        description="Someone already in Kith under exactly this name is matched, not added twice"
        placeholder="Their name"
        value={newName}
        onChange={(e) => setNewName(e.currentTarget.value)}
        error={errors.newPerson}
      />
      <Textarea
        label="What it is about"
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
      />
      <CampaignSelect
        label="Campaign it came from"
        noneLabel="None"
        value={campaignId}
        onChange={setCampaignId}
        error={errors.campaignId}
      />
    </FormModal>
  );
}

function DraftModal(props: { intro: Introduction; onClose(): void }) {
  const draft = useQuery({
    queryKey: ['introduction-draft', props.intro.id, props.intro.state, props.intro.acceptedByA],
    queryFn: () => api.introductionDraft(props.intro.id),
    retry: false,
  });
  const title =
    draft.data?.message === 'connect'
      ? 'The message that connects them'
      : draft.data?.message === 'ask-b'
        ? `Ask ${firstName(props.intro.personBName)}`
        : `Ask ${firstName(props.intro.personAName)}`;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {draft.isLoading && <Loader aria-label="Loading" />}
      {draft.error && (
        <Alert color="red" title="No draft yet">
          {draft.error.message}. Settings hold your name and the templates.
        </Alert>
      )}
      {draft.data && (
        <Stack gap="sm">
          <Textarea
            label="Message"
            readOnly
            autosize
            minRows={6}
            value={draft.data.text}
            data-testid="intro-draft"
          />
          <Group justify="flex-end">
            <CopyButton value={draft.data.text}>
              {({ copied, copy }) => (
                <Button onClick={copy} variant={copied ? 'light' : 'filled'}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function OutcomeModal(props: { intro: Introduction; onClose(): void; onDone(): void }) {
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: () => api.actOnIntroduction(props.intro.id, { type: 'outcome', note }),
    onSuccess: props.onDone,
    onError: (error) => setErrors(apiFieldErrors(error, ['note'])),
  });
  return (
    <FormModal
      title="What came of it"
      submitLabel="Save"
      submitting={save.isPending}
      error={errors.form}
      onClose={props.onClose}
      onSubmit={(e) => {
        e.preventDefault();
        if (!note.trim()) return setErrors({ note: 'say what came of it' });
        save.mutate();
      }}
    >
      <Textarea
        label="Outcome"
        required
        autosize
        minRows={2}
        data-autofocus
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
    </FormModal>
  );
}
