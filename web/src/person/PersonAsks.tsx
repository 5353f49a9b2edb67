// A person's asks, both ways: what the user asked them and what they asked the user, each with
// where it stands — so the person's page says what is still open between them.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { firstName } from '../../../src/domain/connect/who.js';
import { api, type Ask } from '../api';
import { ASK_STATE_LABELS, relativeDay } from '../app/format';

/** Where an ask stands, in the words of whoever it waits on. */
function standing(ask: Ask, first: string): string {
  if (ask.direction === 'incoming') {
    if (ask.state === 'sent') return `waiting on your answer since ${relativeDay(ask.sentAt)}`;
    if (ask.state === 'replied') return 'you answered';
    if (ask.state === 'declined') return 'you declined';
  } else if (ask.state === 'sent') {
    return `waiting on ${first} since ${relativeDay(ask.sentAt)}`;
  }
  if (ask.state === 'scheduled' && ask.scheduledFor)
    return `chat ${new Date(ask.scheduledFor).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}`;
  return ASK_STATE_LABELS[ask.state].toLowerCase();
}

export function PersonAsks({ personId, name }: { personId: string; name: string }) {
  const asks = useQuery({
    queryKey: ['asks', 'person', personId],
    queryFn: () => api.asks({ personId, limit: 20 }),
  });
  const first = firstName(name);
  const list = asks.data ?? [];
  return (
    <Card withBorder padding="md" data-testid="person-asks">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          Asks
        </Title>
        <Anchor component={Link} href="/asks" size="sm">
          The Asks board
        </Anchor>
      </Group>
      {asks.isSuccess && list.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing asked yet, either way.
        </Text>
      )}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.map((ask) => (
          <li key={ask.id}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge
                size="sm"
                variant="light"
                color={ask.direction === 'incoming' ? 'violet' : 'indigo'}
                miw={96}
              >
                {ask.direction === 'incoming' ? `${first} asked` : 'You asked'}
              </Badge>
              <div>
                <Text size="sm">{ask.question}</Text>
                <Text size="xs" c="dimmed">
                  {standing(ask, first)}
                </Text>
              </div>
            </Group>
          </li>
        ))}
      </Stack>
    </Card>
  );
}
