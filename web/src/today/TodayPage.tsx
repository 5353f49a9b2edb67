// Today, the app's home: one ordered list of what to do, each line with its reason and the
// one-click action that settles it. Any date can be planned ahead.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Flex,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBellRinging,
  IconCake,
  IconCalendarEvent,
  IconChecklist,
  IconGift,
  IconHeartHandshake,
  IconMessageCircle,
  IconMessageQuestion,
  IconPlayerSkipForward,
  IconRocket,
  IconUsers,
} from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { addDays } from '../../../src/domain/method/calendar.js';
import type { TodayItem } from '../../../src/domain/method/today.js';
import { refreshAfterChats } from '../app/refresh';
import { api, browserTimeZone } from '../api';
import { useAppActions } from '../app/actions';
import { NewAskModal, type NewAskDefaults } from '../asks/NewAskModal';
import { EmptyNetwork } from '../welcome/EmptyNetwork';

const KIND: Record<TodayItem['kind'], { label: string; icon: ReactNode; color: string }> = {
  thank: {
    label: 'Thank-you owed',
    icon: <IconHeartHandshake size={18} aria-hidden />,
    color: 'pink',
  },
  'thank-chat': {
    label: 'Thank-you owed',
    icon: <IconHeartHandshake size={18} aria-hidden />,
    color: 'pink',
  },
  date: {
    label: 'A date',
    icon: <IconCake size={18} aria-hidden />,
    color: 'orange',
  },
  'chat-today': {
    label: 'Chat today',
    icon: <IconCalendarEvent size={18} aria-hidden />,
    color: 'indigo',
  },
  answer: {
    label: 'Asked you',
    icon: <IconMessageQuestion size={18} aria-hidden />,
    color: 'violet',
  },
  'answer-more': {
    label: 'Asked you',
    icon: <IconMessageQuestion size={18} aria-hidden />,
    color: 'violet',
  },
  nudge: { label: 'Nudge', icon: <IconBellRinging size={18} aria-hidden />, color: 'cyan' },
  task: { label: 'Task', icon: <IconChecklist size={18} aria-hidden />, color: 'green' },
  'keep-in-touch': {
    label: 'Keep in touch',
    icon: <IconMessageCircle size={18} aria-hidden />,
    color: 'blue',
  },
  'keep-in-touch-more': {
    label: 'Keep in touch',
    icon: <IconUsers size={18} aria-hidden />,
    color: 'blue',
  },
  pacing: { label: 'Campaign', icon: <IconRocket size={18} aria-hidden />, color: 'grape' },
  'give-back': { label: 'Give back', icon: <IconGift size={18} aria-hidden />, color: 'violet' },
  'moved-on': {
    label: 'Moved on',
    icon: <IconPlayerSkipForward size={18} aria-hidden />,
    color: 'gray',
  },
};

export function TodayPage() {
  const queryClient = useQueryClient();
  const actions = useAppActions();
  const [date, setDate] = useState('');
  const [asking, setAsking] = useState<NewAskDefaults | null>(null);
  // Days are the user's: the zone chosen in settings, else this browser's.
  const settings = useQuery({ queryKey: ['settings'], queryFn: api.settings });
  const timeZone = settings.data?.timeZone ?? browserTimeZone();
  const today = useQuery({
    queryKey: ['today', date, timeZone],
    queryFn: () => api.today(date || undefined, timeZone),
    enabled: !settings.isLoading,
  });
  // An ask marked met logs a chat: ties, ledgers and the rest follow.
  const refresh = () => refreshAfterChats(queryClient);
  const settle = useMutation({
    mutationFn: async (step: { item: TodayItem; run: () => Promise<unknown>; done: string }) =>
      step.run(),
    onSuccess: (result, step) => {
      // "We met" after the coffee was logged links that coffee: said, rather than the default.
      const note = (result as { history?: { note?: string }[] } | undefined)?.history?.at(-1)?.note;
      notifications.show({
        message: note?.startsWith('linked to')
          ? `Met: ${note}; a thank-you is now owed.`
          : step.done,
      });
      refresh();
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  const stats = useQuery({ queryKey: ['stats'], queryFn: api.stats });

  const items = today.data?.items ?? [];
  const planning = date !== '';

  /** A button that settles an agenda line through the API, then says what it did. */
  const step = (
    item: TodayItem,
    label: string,
    run: () => Promise<unknown>,
    done: string,
    variant: 'filled' | 'default' = 'filled',
  ) => (
    <Button
      size="xs"
      variant={variant}
      loading={
        settle.isPending && settle.variables?.item === item && settle.variables.done === done
      }
      onClick={() => settle.mutate({ item, run, done })}
    >
      {label}
    </Button>
  );

  const buttonsFor = (item: TodayItem): ReactNode => {
    switch (item.kind) {
      case 'thank':
        return step(
          item,
          'Thanked',
          () => api.actOnAsk(item.askId, { type: 'thank' }),
          'Thank-you noted.',
        );
      case 'thank-chat':
        return (
          <Group gap="xs">
            {step(
              item,
              'Thanked',
              () => api.thankYou(item.interactionId, 'thanked'),
              'Thank-you noted.',
            )}
            {step(
              item,
              'Not needed',
              () => api.thankYou(item.interactionId, 'not-needed'),
              'No thank-you needed for that chat.',
              'default',
            )}
          </Group>
        );
      case 'date':
        return (
          <Button
            size="xs"
            variant="light"
            onClick={() =>
              actions.logInteraction([{ id: item.personId, displayName: item.personName }])
            }
          >
            Log a chat
          </Button>
        );
      case 'chat-today':
        return step(
          item,
          'We met',
          () => api.actOnAsk(item.askId, { type: 'meet' }),
          'Chat logged; a thank-you is now owed.',
        );
      case 'nudge':
        return (
          <Group gap="xs">
            {step(
              item,
              'Nudged',
              () => api.actOnAsk(item.askId, { type: 'nudge' }),
              'Nudge noted. If there is still no answer, the ask moves on by itself.',
            )}
            {step(
              item,
              'They replied',
              () => api.actOnAsk(item.askId, { type: 'reply' }),
              'Reply noted.',
              'default',
            )}
          </Group>
        );
      case 'answer':
        return (
          <Group gap="xs">
            {step(
              item,
              'I answered',
              () => api.actOnAsk(item.askId, { type: 'reply' }),
              'Answer noted: that counts as giving back.',
            )}
            {step(
              item,
              'Decline',
              () => api.actOnAsk(item.askId, { type: 'decline' }),
              'Declined. It will not come back.',
              'default',
            )}
          </Group>
        );
      case 'answer-more':
        return (
          <Button size="xs" variant="default" component={Link} href="/asks">
            See them all
          </Button>
        );
      case 'task':
        return step(item, 'Done', () => api.completeTask(item.taskId), 'Task done.');
      case 'keep-in-touch':
        return (
          <Group gap="xs">
            <Button
              size="xs"
              onClick={() =>
                actions.logInteraction([{ id: item.personId, displayName: item.personName }])
              }
            >
              Log a chat
            </Button>
            {step(
              item,
              'Snooze a week',
              () => api.snooze(item.personId, addDays(today.data?.date ?? date, 7)),
              'Snoozed for a week.',
              'default',
            )}
          </Group>
        );
      default:
        return null;
    }
  };

  if (stats.data && stats.data.people === 0 && stats.data.archivedPeople === 0) {
    return <EmptyNetwork />;
  }

  return (
    <Stack gap="md" maw={860}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {planning ? `Plan for ${date}` : 'Today'}
          </Title>
          <Text c="dimmed" size="sm">
            {today.data ? `${today.data.date} · ${today.data.timeZone}` : 'What to do, and why'}
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          <TextInput
            type="date"
            label="Plan another day"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          {planning && (
            <Button variant="default" onClick={() => setDate('')}>
              Back to today
            </Button>
          )}
        </Group>
      </Group>

      {today.isLoading && <Loader aria-label="Loading" />}
      {today.error && (
        <Alert color="red" title="The agenda could not be loaded">
          {today.error.message}
        </Alert>
      )}
      {today.data && items.length === 0 && (
        <Card withBorder padding="lg">
          <Text fw={600}>Nothing is waiting on you.</Text>
          <Text size="sm" c="dimmed">
            Ask someone one specific question, or look through{' '}
            <Anchor component={Link} href="/people">
              People
            </Anchor>{' '}
            for someone you have not talked to in a while.
          </Text>
        </Card>
      )}

      <Stack
        gap="sm"
        component="ol"
        aria-label="Agenda"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {items.map((item, index) => {
          const kind = KIND[item.kind];
          return (
            <Card key={index} withBorder padding="sm" component="li" data-kind={item.kind}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Flex
                  gap="sm"
                  direction={{ base: 'column', xs: 'row' }}
                  align={{ base: 'flex-start', xs: 'flex-start' }}
                  style={{ flex: '1 1 320px', minWidth: 0 }}
                >
                  {/* Never shrunk: on a phone the badge sits above its line, whole. */}
                  <Badge
                    variant="light"
                    color={kind.color}
                    leftSection={kind.icon}
                    miw={165}
                    style={{ flexShrink: 0 }}
                  >
                    {kind.label}
                  </Badge>
                  <div>
                    <Text size="sm">
                      {'personId' in item && item.personId ? (
                        <Anchor component={Link} href={`/people/${item.personId}`} inherit>
                          {item.reason}
                        </Anchor>
                      ) : (
                        item.reason
                      )}
                    </Text>
                    {item.kind === 'chat-today' && item.at && (
                      <Text size="xs" c="dimmed">
                        at{' '}
                        {new Date(item.at).toLocaleTimeString(undefined, {
                          hour: '2-digit',
                          minute: '2-digit',
                        })}
                      </Text>
                    )}
                    {item.kind === 'pacing' && (item.suggestions ?? []).length > 0 && (
                      <Stack gap={4} mt={6}>
                        <Text size="xs" c="dimmed">
                          People who fit, warm ties first:
                        </Text>
                        {(item.suggestions ?? []).map((s) => (
                          <Group key={s.id} gap="xs" wrap="nowrap">
                            <Button
                              size="compact-xs"
                              variant="light"
                              onClick={() =>
                                setAsking({
                                  person: { id: s.id, displayName: s.displayName },
                                  campaignId: item.campaignId ?? null,
                                })
                              }
                            >
                              Ask {s.displayName}
                            </Button>
                            <Text size="xs" c="dimmed" lineClamp={1}>
                              {s.reasons.join(' · ')}
                            </Text>
                          </Group>
                        ))}
                      </Stack>
                    )}
                  </div>
                </Flex>
                {!planning && buttonsFor(item)}
              </Group>
            </Card>
          );
        })}
      </Stack>
      {asking && (
        <NewAskModal
          defaults={asking}
          onClose={() => setAsking(null)}
          onCreated={() => {
            setAsking(null);
            refresh();
          }}
        />
      )}
    </Stack>
  );
}

export default TodayPage;
