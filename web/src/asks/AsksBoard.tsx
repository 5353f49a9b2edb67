// The Asks board: one column per state of the ask's lifecycle. Drag a card to the next
// column (or use its "Move" menu from the keyboard); the move shows at once and is rolled
// back, with the reason, if the lifecycle does not allow it.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Menu,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconMessage2, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent, type FormEvent } from 'react';
import { Link } from 'wouter';
import {
  allowedActions,
  ASK_STATES,
  stateAfter,
  type AskState,
} from '../../../src/domain/method/ask.js';
import { refreshAfterChats } from '../app/refresh';
import { api, type Ask, type AskAction } from '../api';
import { ASK_STATE_LABELS, relativeDay } from '../app/format';
import { FormModal } from '../app/FormModal';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { DraftModal } from './DraftModal';
import { NewAskModal } from './NewAskModal';
import { savedMessage } from './saved-message';

/** The action that takes an ask into a column. */
const ACTION_INTO: Partial<Record<AskState, AskAction['type']>> = {
  sent: 'send',
  replied: 'reply',
  scheduled: 'schedule',
  met: 'meet',
  thanked: 'thank',
  declined: 'decline',
  'moved-on': 'move-on',
};

const ACTION_LABELS: Record<AskAction['type'], string> = {
  send: 'Sent',
  nudge: 'Nudged',
  reply: 'They replied',
  schedule: 'Scheduled a chat…',
  meet: 'We met',
  thank: 'Thanked',
  decline: 'They declined',
  'move-on': 'Move on',
};

/** On an ask made of the user, the user is the one who answers or declines. */
const INCOMING_LABELS: Partial<Record<AskAction['type'], string>> = {
  reply: 'I answered',
  decline: 'I declined',
};

const actionLabel = (ask: Ask, type: AskAction['type']) =>
  (ask.direction === 'incoming' ? INCOMING_LABELS[type] : undefined) ?? ACTION_LABELS[type];

const ASKS_KEY = (campaignId: string) => ['asks', 'board', campaignId] as const;

export function AsksBoard() {
  const queryClient = useQueryClient();
  const [campaignId, setCampaignId] = useState('');
  const [dragging, setDragging] = useState<Ask | null>(null);
  const [scheduling, setScheduling] = useState<Ask | null>(null);
  const [drafting, setDrafting] = useState<Ask | null>(null);
  const [creating, setCreating] = useState(false);
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: api.campaigns });
  const asks = useQuery({
    queryKey: ASKS_KEY(campaignId),
    queryFn: () => api.asks(campaignId ? { campaignId } : {}),
  });

  const move = useMutation({
    mutationFn: ({ ask, action }: { ask: Ask; action: AskAction }) => api.actOnAsk(ask.id, action),
    onMutate: async ({ ask, action }) => {
      const key = ASKS_KEY(campaignId);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<Ask[]>(key);
      const to = stateAfter(ask.state, action.type, ask.direction);
      if (before && to) {
        queryClient.setQueryData<Ask[]>(
          key,
          before.map((a) => (a.id === ask.id ? { ...a, state: to } : a)),
        );
      }
      return { before };
    },
    onError: (error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(ASKS_KEY(campaignId), context.before);
      notifications.show({ color: 'red', title: 'Not moved', message: error.message });
    },
    onSuccess: (saved) => {
      const note = saved.history.at(-1)?.note;
      notifications.show({
        message: `${saved.personName}: ${ASK_STATE_LABELS[saved.state].toLowerCase()}${note?.startsWith('linked to') ? ` — ${note}` : ''}.`,
      });
    },
    onSettled: (saved) => refreshAfterChats(queryClient, saved ? [saved.personId] : []),
  });

  const act = (ask: Ask, type: AskAction['type']) => {
    if (type === 'schedule') setScheduling(ask);
    else move.mutate({ ask, action: { type } as AskAction });
  };

  const drop = (state: AskState) => (event: DragEvent) => {
    event.preventDefault();
    const ask = dragging;
    setDragging(null);
    if (!ask || ask.state === state) return;
    const type = ACTION_INTO[state];
    if (!type) {
      notifications.show({
        color: 'red',
        title: 'Not moved',
        message: 'An ask cannot go back to draft once it has been sent.',
      });
      return;
    }
    act(ask, type);
  };

  const all = asks.data ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          Asks
        </Title>
        <Group gap="xs" align="flex-end">
          <CampaignSelect
            label="Campaign"
            noneLabel="All asks"
            value={campaignId}
            onChange={setCampaignId}
          />
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            New ask
          </Button>
        </Group>
      </Group>
      {asks.isLoading && <Loader aria-label="Loading" />}
      {asks.error && <Alert color="red">{asks.error.message}</Alert>}
      <ScrollArea type="auto" offsetScrollbars>
        <Group align="flex-start" wrap="nowrap" gap="sm" pb="sm">
          {ASK_STATES.map((state) => {
            const cards = all.filter((a) => a.state === state);
            const into = ACTION_INTO[state];
            const allowed =
              !!dragging &&
              !!into &&
              stateAfter(dragging.state, into, dragging.direction) === state;
            return (
              <section
                key={state}
                aria-label={`${ASK_STATE_LABELS[state]} (${cards.length})`}
                data-state={state}
                onDragOver={(e) => {
                  if (dragging) e.preventDefault();
                }}
                onDrop={drop(state)}
                className="kith-board-column"
                data-drop-allowed={dragging ? String(allowed) : undefined}
              >
                <Group justify="space-between" mb="xs">
                  <Title order={2} size="h5">
                    {ASK_STATE_LABELS[state]}
                  </Title>
                  <Badge variant="light" color="gray">
                    {cards.length}
                  </Badge>
                </Group>
                <Stack gap="xs">
                  {cards.map((ask) => (
                    <AskCard
                      key={ask.id}
                      ask={ask}
                      campaign={campaigns.data?.find((c) => c.id === ask.campaignId)?.name}
                      onDragStart={() => setDragging(ask)}
                      onDragEnd={() => setDragging(null)}
                      onAct={(type) => act(ask, type)}
                      onDraft={() => setDrafting(ask)}
                    />
                  ))}
                </Stack>
              </section>
            );
          })}
        </Group>
      </ScrollArea>
      {scheduling && (
        <ScheduleModal
          ask={scheduling}
          onClose={() => setScheduling(null)}
          onSchedule={(at) => {
            move.mutate({ ask: scheduling, action: { type: 'schedule', for: at } });
            setScheduling(null);
          }}
        />
      )}
      {drafting && <DraftModal ask={drafting} onClose={() => setDrafting(null)} />}
      {creating && (
        <NewAskModal
          defaults={{ campaignId: campaignId || null }}
          onClose={() => setCreating(false)}
          onCreated={(ask) => {
            setCreating(false);
            notifications.show({ message: savedMessage(ask, 'It is in Draft.') });
            void queryClient.invalidateQueries({ queryKey: ['asks'] });
            void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
          }}
        />
      )}
    </Stack>
  );
}

function AskCard(props: {
  ask: Ask;
  campaign: string | undefined;
  onDragStart(): void;
  onDragEnd(): void;
  onAct(type: AskAction['type']): void;
  onDraft(): void;
}) {
  const { ask } = props;
  const actions = allowedActions(ask.state, ask.direction);
  const incoming = ask.direction === 'incoming';
  const when =
    ask.state === 'scheduled' && ask.scheduledFor
      ? `chat ${new Date(ask.scheduledFor).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`
      : ask.sentAt
        ? `${incoming ? 'asked you' : 'sent'} ${relativeDay(ask.sentAt)}`
        : 'not sent yet';
  return (
    <Card
      component="article"
      withBorder
      padding="sm"
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', ask.id);
        e.dataTransfer.effectAllowed = 'move';
        props.onDragStart();
      }}
      onDragEnd={props.onDragEnd}
      data-testid="ask-card"
      aria-label={`${ask.personName}${incoming ? ' asked you' : ''}: ${ask.question}`}
      style={{ cursor: 'grab' }}
    >
      <Stack gap={4}>
        <Anchor component={Link} href={`/people/${ask.personId}`} fw={600} size="sm">
          {ask.personName}
        </Anchor>
        <Text size="sm" lineClamp={3}>
          {ask.question}
        </Text>
        <Text size="xs" c="dimmed">
          {when}
        </Text>
        {incoming && (
          <Badge size="xs" variant="light" color="violet" style={{ alignSelf: 'flex-start' }}>
            Asked you
          </Badge>
        )}
        {props.campaign && (
          <Badge size="xs" variant="light" color="grape" style={{ alignSelf: 'flex-start' }}>
            {props.campaign}
          </Badge>
        )}
        <Group gap={4} mt={4}>
          {actions.length > 0 && (
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button
                  size="compact-xs"
                  variant="light"
                  rightSection={<IconChevronDown size={12} aria-hidden />}
                  aria-label={`Move the ask to ${ask.personName}`}
                >
                  Move
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {actions.map((type) => (
                  <Menu.Item key={type} onClick={() => props.onAct(type)}>
                    {actionLabel(ask, type)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
          {!incoming && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconMessage2 size={12} aria-hidden />}
              onClick={props.onDraft}
              aria-label={`Draft the message to ${ask.personName}`}
            >
              Draft
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function ScheduleModal(props: { ask: Ask; onClose(): void; onSchedule(at: string): void }) {
  const [when, setWhen] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const date = new Date(when);
    if (!when || Number.isNaN(date.getTime())) {
      setError('Pick the day and time of the chat.');
      return;
    }
    props.onSchedule(date.toISOString());
  };
  return (
    <FormModal
      title={`When do you meet ${props.ask.personName}?`}
      size="md"
      submitLabel="Schedule"
      submitting={false}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <TextInput
        type="datetime-local"
        label="Day and time"
        data-autofocus
        value={when}
        onChange={(e) => setWhen(e.currentTarget.value)}
        error={error}
      />
    </FormModal>
  );
}

export default AsksBoard;
