// Who can help with X: people you know who match, ranked by match and tie, each with the
// sentence to act on; then the warmest paths to people you don't know yet, drawn as chains
// and ready to become an introduction request to the first connector.
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
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { api, type TeammateAnswer } from '../api';
import { NewAskModal, type NewAskDefaults } from '../asks/NewAskModal';
import { savedMessage } from '../asks/saved-message';

const STRENGTH_COLORS: Record<string, string> = {
  strong: 'indigo',
  good: 'blue',
  weak: 'gray',
  dormant: 'gray',
  none: 'gray',
};

export function WhoPage() {
  const search = new URLSearchParams(useSearch());
  const asked = search.get('q') ?? '';
  const [, navigate] = useLocation();
  const [text, setText] = useState(asked);
  const [asking, setAsking] = useState<NewAskDefaults | null>(null);
  const answer = useQuery({
    queryKey: ['who', asked],
    queryFn: () => api.who(asked),
    enabled: asked.trim().length > 0,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) navigate(`/who?q=${encodeURIComponent(text.trim())}`);
  };
  const data = answer.data;
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">
        Who can help
      </Title>
      <Text c="dimmed" size="sm" maw={720}>
        Ask for a topic — taxes, pricing, a career change. Kith looks through expertise, titles,
        notes and the insights people shared, then finds the warmest way to reach people you don’t
        know well yet.
      </Text>
      <form onSubmit={submit} role="search">
        <Group align="flex-end" gap="xs">
          <TextInput
            label="Who can help with…"
            placeholder="taxes"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />}
            style={{ flex: '1 1 260px' }}
            data-autofocus
          />
          <Button type="submit">Find</Button>
        </Group>
      </form>
      {answer.isLoading && <Loader aria-label="Loading" />}
      {answer.error && <Alert color="red">{answer.error.message}</Alert>}
      {data &&
        data.direct.length === 0 &&
        data.paths.length === 0 &&
        data.teammates.length === 0 && (
          <Text>No one in your network matches “{data.query}” yet.</Text>
        )}
      {data && data.direct.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            People you know
          </Title>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.direct.map((d) => (
              <Card
                key={d.personId}
                withBorder
                padding="sm"
                component="li"
                data-testid="who-direct"
              >
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <div>
                    <Anchor component={Link} href={`/people/${d.personId}`} fw={600}>
                      {d.name}
                    </Anchor>
                    <Text size="sm">{d.explanation}</Text>
                  </div>
                  <Badge variant="light" color={STRENGTH_COLORS[d.strength.label] ?? 'gray'}>
                    {d.strength.label} tie
                  </Badge>
                </Group>
              </Card>
            ))}
          </Stack>
        </Stack>
      )}
      {data && data.teammates.length > 0 && (
        <TeammateAnswers answers={data.teammates} onAsk={setAsking} />
      )}
      {data && data.paths.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h4">
            Through people you know
          </Title>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {data.paths.map((p) => (
              <Card
                key={p.people.map((x) => x.id).join('>')}
                withBorder
                padding="sm"
                component="li"
                data-testid="who-path"
              >
                <Stack gap={6}>
                  <Group gap={6} wrap="wrap" aria-label="The path">
                    <Badge variant="outline" color="gray">
                      You
                    </Badge>
                    {p.people.map((person) => (
                      <Fragment key={person.id}>
                        <IconArrowRight size={14} aria-hidden />
                        <Anchor component={Link} href={`/people/${person.id}`} size="sm">
                          {person.name}
                        </Anchor>
                      </Fragment>
                    ))}
                  </Group>
                  <Text size="sm">{p.explanation}</Text>
                  <Text size="xs" c="dimmed">
                    Path strength {Math.round(p.strength * 100)}%
                    {p.links.some((l) => l.inferred) &&
                      ' · part of it is inferred from a shared team'}
                  </Text>
                  <Group>
                    <Button
                      size="xs"
                      onClick={() =>
                        setAsking({
                          person: {
                            id: p.ask.personId,
                            displayName: p.people.find((x) => x.id === p.ask.personId)?.name ?? '',
                          },
                          question: p.ask.question,
                          purpose: p.ask.purpose,
                        })
                      }
                    >
                      Ask {p.people[0]?.name.split(' ')[0]} for the introduction
                    </Button>
                  </Group>
                </Stack>
              </Card>
            ))}
          </Stack>
        </Stack>
      )}
      {asking && (
        <NewAskModal
          defaults={asking}
          onClose={() => setAsking(null)}
          onCreated={(ask) => {
            setAsking(null);
            notifications.show({
              color: 'green',
              message: savedMessage(ask, 'It is on the Asks board.'),
            });
            navigate('/asks');
          }}
        />
      )}
    </Stack>
  );
}

/**
 * What teammates who share their networks know: each answer one click from drafting the ask
 * to the teammate (added to your people first, by name and email, if they are not there yet).
 */
function TeammateAnswers({
  answers,
  onAsk,
}: {
  answers: TeammateAnswer[];
  onAsk: (defaults: NewAskDefaults) => void;
}) {
  const queryClient = useQueryClient();
  const ask = useMutation({
    mutationFn: async (answer: TeammateAnswer) => {
      const id =
        answer.ask.personId ??
        (
          await api.createPerson({
            displayName: answer.teammate.name,
            emails: [answer.teammate.email],
          })
        ).id;
      return { id, answer };
    },
    onSuccess: ({ id, answer }) => {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      onAsk({
        person: { id, displayName: answer.teammate.name },
        question: answer.ask.question,
        purpose: 'intro',
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Through your teammates
      </Title>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {answers.map((a) => (
          <Card
            key={`${a.teammate.accountId}:${a.person.name}`}
            withBorder
            padding="sm"
            component="li"
            data-testid="who-teammate"
          >
            <Stack gap={6}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={600}>
                  {a.person.name}
                  {a.person.title ? `, ${a.person.title}` : ''}
                  {a.person.organization ? ` at ${a.person.organization}` : ''}
                </Text>
                <Badge variant="light" color={STRENGTH_COLORS[a.via?.band ?? a.band] ?? 'gray'}>
                  {a.via
                    ? `through ${a.via.name}`
                    : `${a.teammate.name.split(' ')[0]} knows them: ${a.band}`}
                </Badge>
              </Group>
              <Text size="sm">{a.explanation}</Text>
              <Text size="xs" c="dimmed">
                Shared with {a.team}
                {a.person.tags.length > 0 ? ` · ${a.person.tags.join(', ')}` : ''}
              </Text>
              <Group>
                <Button size="xs" onClick={() => ask.mutate(a)} loading={ask.isPending}>
                  Ask {a.teammate.name.split(' ')[0]} to introduce you
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}
