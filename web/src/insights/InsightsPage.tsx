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
import { ROLE_LABELS } from '../app/format';

type Share = Insights['byOrganization'][number];

/** A long name cut to fit beside its bar on one line (whole in the tooltip and for readers). */
const fitted = (name: string) => (name.length > 20 ? `${name.slice(0, 19).trimEnd()}…` : name);

function ShareChart(props: {
  title: string;
  rows: Share[];
  /** What the groups are called: "organizations", "units"… */
  groups: string;
  label?: (name: string) => string;
}) {
  // The rest of the groups are summed in words, not drawn: one bar for "all others" would
  // dwarf every named one.
  const named = props.rows
    .filter((r) => !r.others)
    .map((r) => ({ ...r, name: props.label?.(r.name) ?? r.name }));
  const rest = props.rows.find((r) => r.others);
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
            h={Math.max(140, named.length * 34 + 40)}
            data={named}
            dataKey="name"
            orientation="vertical"
            withLegend
            legendProps={{ verticalAlign: 'top', height: 30 }}
            yAxisProps={{
              width: 175,
              interval: 0,
              tickFormatter: fitted,
              // One line each: a name is cut to fit rather than wrapped onto its neighbour.
              tick: {
                transform: 'translate(-10, 0)',
                fontSize: 12,
                fill: 'currentColor',
                width: 400,
              },
            }}
            series={[
              { name: 'chats', label: 'Chats this year', color: 'indigo.6' },
              { name: 'people', label: 'People', color: 'gray.5' },
            ]}
            role="img"
            aria-label={`${props.title}: ${named.map((r) => `${r.name}, ${r.people} people, ${r.chats} chats this year`).join('; ')}`}
          />
          {rest && (
            <Text size="xs" c="dimmed" mt={4}>
              And {rest.others} other {props.groups}: {rest.people} people, {rest.chats} chats this
              year.
            </Text>
          )}
        </>
      )}
    </Card>
  );
}

const SHOWN = 10;

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
                <Stack gap={0} align="center">
                  <Text ta="center" fw={700} size="lg" lh={1.1}>
                    {Math.round(data.diversity.score * 100)}%
                  </Text>
                  <Text ta="center" size="xs" c="dimmed">
                    diversity
                  </Text>
                </Stack>
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
            <ShareChart title="By organization" rows={data.byOrganization} groups="organizations" />
            <ShareChart title="By unit" rows={data.byUnit} groups="units" />
            <ShareChart
              title="By role"
              rows={data.byRole}
              groups="roles"
              label={(name) => ROLE_LABELS[name] ?? name}
            />
            <ShareChart title="By location" rows={data.byLocation} groups="places" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder padding="md">
              <Title order={2} size="h5" mb="xs">
                Connectors
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                People who introduced you to others, or whom you call connectors (the role). The
                network map marks the same people.
              </Text>
              {data.connectors.length === 0 ? (
                <Text size="sm">None yet.</Text>
              ) : (
                <List size="sm" spacing={4}>
                  {data.connectors.slice(0, SHOWN).map((c) => (
                    <List.Item key={c.personId}>
                      <Anchor
                        component={Link}
                        href={`/people/${c.personId}`}
                        inherit
                        underline="always"
                      >
                        {c.name}
                      </Anchor>{' '}
                      {c.introductions > 0
                        ? `introduced you to ${c.introductions} ${c.introductions === 1 ? 'person' : 'people'}`
                        : 'a connector, by your word'}
                    </List.Item>
                  ))}
                </List>
              )}
              {data.connectors.length > SHOWN && (
                <Text size="xs" c="dimmed" mt={4}>
                  And {data.connectors.length - SHOWN} more.
                </Text>
              )}
            </Card>
            <Card withBorder padding="md">
              <Title order={2} size="h5" mb="xs">
                Bridges
              </Title>
              <Text size="xs" c="dimmed" mb="xs">
                People who alone link some of the people you know to the rest, by who knows whom.
              </Text>
              {data.bridges.length === 0 ? (
                <Text size="sm">
                  No single person holds parts of your network together: it is linked more than one
                  way.
                </Text>
              ) : (
                <List size="sm" spacing={4}>
                  {data.bridges.slice(0, SHOWN).map((b) => (
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
              {data.bridges.length > SHOWN && (
                <Text size="xs" c="dimmed" mt={4}>
                  And {data.bridges.length - SHOWN} more.
                </Text>
              )}
            </Card>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
