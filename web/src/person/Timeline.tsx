// A person's interactions, newest first, each with its insights and notes.
import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { IconPencil } from '@tabler/icons-react';
import { api } from '../api';
import { useAppActions } from '../app/actions';
import { KIND_LABELS, longDate } from '../app/format';
import { refreshAfterChats } from '../app/refresh';
import { Markdown } from './Markdown';

const PAGE = 50;

export function Timeline({ personId }: { personId: string }) {
  const actions = useAppActions();
  // Newest first, a page at a time: a long relationship loads as far back as one scrolls.
  const interactions = useInfiniteQuery({
    queryKey: ['interactions', personId, 'timeline'],
    queryFn: ({ pageParam }) => api.personInteractions(personId, PAGE, pageParam),
    initialPageParam: 0,
    getNextPageParam: (last, all) => (last.items.length < PAGE ? undefined : all.length * PAGE),
  });
  const items = interactions.data?.pages.flatMap((p) => p.items) ?? [];
  const queryClient = useQueryClient();
  const thank = useMutation({
    mutationFn: (step: { id: string; thankYou: 'thanked' | 'not-needed' }) =>
      api.thankYou(step.id, step.thankYou),
    onSuccess: (chat, step) => {
      notifications.show({
        message:
          step.thankYou === 'thanked'
            ? 'Thank-you noted.'
            : `No thank-you needed for “${chat.summary}”.`,
      });
      refreshAfterChats(
        queryClient,
        chat.participants.map((p) => p.id),
      );
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        Timeline
      </Title>
      {interactions.isLoading && <Loader size="sm" aria-label="Loading interactions" />}
      {interactions.error && (
        <Text c="red" role="alert">
          {interactions.error.message}
        </Text>
      )}
      {!interactions.isLoading && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No interactions yet. Press L to log one.
        </Text>
      )}
      <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((i) => (
          <li key={i.id} id={`interaction-${i.id}`}>
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <Badge variant="light">{KIND_LABELS[i.kind] ?? i.kind}</Badge>
                <Text size="sm" c="dimmed" component="time" dateTime={i.occurredAt}>
                  {longDate(i.occurredAt)}
                </Text>
                {i.participants.length > 1 && (
                  <Text size="sm" c="dimmed">
                    with{' '}
                    {i.participants
                      .filter((p) => p.id !== personId)
                      .map((p, n) => (
                        <span key={p.id}>
                          {n > 0 ? ', ' : ''}
                          <Anchor component={Link} href={`/people/${p.id}`} size="sm">
                            {p.displayName}
                          </Anchor>
                        </span>
                      ))}
                  </Text>
                )}
              </Group>
              <Group gap={4} wrap="nowrap" align="flex-start">
                <Text fw={600}>{i.summary}</Text>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={`Edit “${i.summary}”`}
                  onClick={() => actions.editInteraction(i)}
                >
                  <IconPencil size={14} aria-hidden />
                </ActionIcon>
              </Group>
              {i.thankYou === 'owed' && (
                <Group gap="xs" wrap="wrap" role="group" aria-label="Thank-you">
                  <Badge color="pink" variant="light">
                    Thank-you owed
                  </Badge>
                  <Button
                    size="compact-sm"
                    loading={thank.isPending && thank.variables?.id === i.id}
                    onClick={() => thank.mutate({ id: i.id, thankYou: 'thanked' })}
                  >
                    Thanked
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={() => thank.mutate({ id: i.id, thankYou: 'not-needed' })}
                  >
                    Not needed
                  </Button>
                </Group>
              )}
              {i.thankYou === 'thanked' && (
                <Text size="xs" c="dimmed">
                  Thanked
                </Text>
              )}
              {i.insights.length > 0 && (
                <List size="sm" spacing={2} aria-label="Insights">
                  {i.insights.map((insight) => (
                    <List.Item key={insight.id}>{insight.text}</List.Item>
                  ))}
                </List>
              )}
              {i.notes && <Markdown text={i.notes} />}
            </Stack>
          </li>
        ))}
      </Stack>
      {interactions.hasNextPage && (
        <Button
          variant="subtle"
          size="xs"
          mt="sm"
          loading={interactions.isFetchingNextPage}
          onClick={() => void interactions.fetchNextPage()}
        >
          Show older interactions
        </Button>
      )}
    </Card>
  );
}
