// Duplicates: pairs that may be one person, side by side with why they look alike. Merge into
// either one (the other's conversations, asks, follow-ups, introductions and ties move to it),
// or say they are two people and the pair is not shown again.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, type MergeSuggestion } from '../api';

type Side = MergeSuggestion['people'][number];

function PersonSide({ person }: { person: Side }) {
  return (
    <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
      <Anchor component={Link} href={`/people/${person.id}`} fw={600} underline="always">
        {person.displayName}
      </Anchor>
      {person.organization && <Text size="sm">{person.organization}</Text>}
      {person.emails.length > 0 && (
        <Text size="sm" c="dimmed">
          {person.emails.join(', ')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {person.interactions} {person.interactions === 1 ? 'conversation' : 'conversations'} · added{' '}
        {person.createdAt.slice(0, 10)}
      </Text>
    </Stack>
  );
}

export function DuplicatesPage() {
  const queryClient = useQueryClient();
  const pairs = useQuery({ queryKey: ['merge-suggestions'], queryFn: api.mergeSuggestions });
  const refresh = () =>
    Promise.all(
      ['merge-suggestions', 'people', 'person', 'stats', 'today'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
  const merge = useMutation({
    mutationFn: (v: { keep: Side; other: Side }) => api.mergePeople(v.keep.id, v.other.id),
    onSuccess: (person, v) => {
      notifications.show({ message: `${v.other.displayName} merged into ${person.displayName}.` });
      void refresh();
    },
    onError: (error) =>
      notifications.show({ color: 'red', title: 'Not merged', message: error.message }),
  });
  const dismiss = useMutation({
    mutationFn: (pair: MergeSuggestion) =>
      api.dismissDuplicate(pair.people[0].id, pair.people[1].id),
    onSuccess: () => void refresh(),
  });
  const busy = merge.isPending || dismiss.isPending;

  return (
    <Stack gap="md" maw={960}>
      <Title order={1} size="h2">
        Duplicates
      </Title>
      <Text c="dimmed" size="sm" maw={720}>
        People who may be one person: the same email, phone or LinkedIn profile, or names alike (the
        organization counts too). Merging keeps everything both had; nothing is merged without you.
      </Text>
      {pairs.isPending && <Loader aria-label="Looking for duplicates" />}
      {pairs.error && <Alert color="red">{pairs.error.message}</Alert>}
      {pairs.data?.length === 0 && <Text>No likely duplicates.</Text>}
      {(pairs.data ?? []).map((pair) => {
        const [a, b] = pair.people;
        const same = a.displayName === b.displayName;
        return (
          <Card key={`${a.id}-${b.id}`} withBorder padding="md" data-testid="duplicate-pair">
            <Stack gap="sm">
              <Group gap="xs">
                <Badge variant="light" color={pair.score === 1 ? 'indigo' : 'gray'}>
                  {pair.score === 1 ? 'certain' : `${Math.round(pair.score * 100)}% alike`}
                </Badge>
                <Text size="sm">{pair.reasons.join('; ')}</Text>
              </Group>
              <Group align="flex-start" wrap="wrap">
                <PersonSide person={a} />
                <PersonSide person={b} />
              </Group>
              <Group gap="xs" wrap="wrap">
                {(
                  [
                    [a, b, ' (the first)', 'filled'],
                    [b, a, ' (the second)', 'default'],
                  ] as const
                ).map(([keep, other, which, variant]) => (
                  <Button
                    key={keep.id}
                    size="xs"
                    variant={variant}
                    disabled={busy}
                    onClick={() => merge.mutate({ keep, other })}
                  >
                    Keep {keep.displayName}
                    {same ? which : ''}, merge the other in
                  </Button>
                ))}
                <Button
                  size="xs"
                  variant="subtle"
                  disabled={busy}
                  onClick={() => dismiss.mutate(pair)}
                >
                  Two different people
                </Button>
              </Group>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
