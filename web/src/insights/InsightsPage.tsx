// Insights: the network from several vantage points — what it is made of (organizations,
// units, roles, places), how spread this year's chats were, plain hints, the people who
// introduced the user to the most others, and the bridges that alone hold parts together.
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Card,
  Group,
  List,
  Loader,
  RingProgress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api, type Insights } from '../api';

type Share = Insights['byOrganization'][number];

function ShareChart(props: { title: string; rows: Share[] }) {
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h5" mb="xs">
        {props.title}
      </Title>
      {props.rows.length === 0 ? (
        <Text size="sm">Nothing yet.</Text>
      ) : (
        <>
          <BarChart
            h={Math.max(120, props.rows.length * 30)}
            data={props.rows}
            dataKey="name"
            orientation="vertical"
            yAxisProps={{ width: 130 }}
            series={[
              { name: 'chats', label: 'Chats this year', color: 'indigo.6' },
              { name: 'people', label: 'People', color: 'gray.5' },
            ]}
            role="img"
            aria-label={`${props.title}: ${props.rows.map((r) => `${r.name}, ${r.people} people, ${r.chats} chats`).join('; ')}`}
          />
        </>
      )}
    </Card>
  );
}

export function InsightsPage() {
  const insights = useQuery({ queryKey: ['insights'], queryFn: api.insights });
  const data = insights.data;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Insights
      </Title>
      {insights.isLoading && <Loader aria-label="Loading" />}
      {insights.error && <Alert color="red">{insights.error.message}</Alert>}
      {data && (
        <>
          <Group gap="lg" wrap="wrap" align="center">
            <RingProgress
              size={120}
              thickness={12}
              roundCaps
              sections={[{ value: Math.round(data.diversity.score * 100), color: 'indigo' }]}
              label={
                <Text ta="center" fw={700} size="lg">
                  {Math.round(data.diversity.score * 100)}%
                </Text>
              }
              aria-label={`Diversity of this year’s chats: ${Math.round(data.diversity.score * 100)}%`}
            />
            <Stack gap={4} maw={560}>
              <Text fw={600}>
                {data.people} people · {data.chatsThisYear} chats in the last year
              </Text>
              <Text size="sm">{data.diversity.explanation}</Text>
              <Text size="xs" c="dimmed">
                Diversity is the chance that two chats picked at random were with different teams.
              </Text>
            </Stack>
          </Group>
          {data.hints.length > 0 && (
            <Alert color="indigo" variant="light" title="Worth a thought">
              <List size="sm" spacing={4}>
                {data.hints.map((h) => (
                  <List.Item key={h}>{h}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ShareChart title="By organization" rows={data.byOrganization} />
            <ShareChart title="By unit" rows={data.byUnit} />
            <ShareChart title="By role" rows={data.byRole} />
            <ShareChart title="By location" rows={data.byLocation} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder padding="md">
              <Title order={2} size="h5" mb="xs">
                Connectors
              </Title>
              {data.connectors.length === 0 ? (
                <Text size="sm">No introductions received yet.</Text>
              ) : (
                <List size="sm" spacing={4}>
                  {data.connectors.map((c) => (
                    <List.Item key={c.personId}>
                      <Anchor
                        component={Link}
                        href={`/people/${c.personId}`}
                        inherit
                        underline="always"
                      >
                        {c.name}
                      </Anchor>{' '}
                      introduced you to {c.introductions}{' '}
                      {c.introductions === 1 ? 'person' : 'people'}
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
            <Card withBorder padding="md">
              <Title order={2} size="h5" mb="xs">
                Bridges
              </Title>
              {data.bridges.length === 0 ? (
                <Text size="sm">
                  No single person holds parts of your network together: it is linked more than one
                  way.
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {data.bridges.map((b) => (
                    <List.Item key={b.personId}>
                      <Anchor
                        component={Link}
                        href={`/people/${b.personId}`}
                        inherit
                        underline="always"
                      >
                        {b.name}
                      </Anchor>{' '}
                      alone links {b.holdsTogether} {b.holdsTogether === 1 ? 'person' : 'people'} to
                      the rest
                    </List.Item>
                  ))}
                </List>
              )}
            </Card>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
