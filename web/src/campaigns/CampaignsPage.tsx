// Campaigns: a run of 20+ chats during a change ("explore independent consulting"), paced
// two at a time. The list shows each one's progress; a campaign's page charts it.
import '@mantine/charts/styles.css';
import { AreaChart, BarChart } from '@mantine/charts';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  NumberInput,
  Progress,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'wouter';
import { weeklyProgress } from '../../../src/domain/method/campaign.js';
import { campaignCreateSchema } from '../../../src/domain/method/schemas.js';
import { api, type Campaign } from '../api';
import { FormModal } from '../app/FormModal';
import { apiFieldErrors, validate, type FieldErrors } from '../app/field-errors';
import { longDate } from '../app/format';

const percent = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)}%`);

export function CampaignsPage() {
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: api.campaigns });
  const [creating, setCreating] = useState(false);
  const [, navigate] = useLocation();
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Campaigns
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          New campaign
        </Button>
      </Group>
      <Text c="dimmed" size="sm" maw={720}>
        During a change — a new job, going independent — talk to twenty people or more. Kith keeps
        two asks open at a time and, when they are done, says it is time to try two more.
      </Text>
      {campaigns.isLoading && <Loader aria-label="Loading" />}
      {campaigns.error && <Alert color="red">{campaigns.error.message}</Alert>}
      {campaigns.data?.length === 0 && <Text>No campaign yet.</Text>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(campaigns.data ?? []).map((c) => (
          <Card key={c.id} withBorder padding="md">
            <Stack gap={6}>
              <Anchor component={Link} href={`/campaigns/${c.id}`} fw={700}>
                {c.name}
              </Anchor>
              {c.aim && (
                <Text size="sm" c="dimmed" lineClamp={2}>
                  {c.aim}
                </Text>
              )}
              <Progress
                value={Math.min(100, (c.progress.met / c.targetChats) * 100)}
                aria-label={`${c.progress.met} of ${c.targetChats} chats`}
              />
              <Text size="sm">
                {c.progress.met} of {c.targetChats} chats · {c.progress.asked} asked · response rate{' '}
                {percent(c.progress.responseRate)}
              </Text>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {creating && (
        <NewCampaignModal
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false);
            navigate(`/campaigns/${c.id}`);
          }}
        />
      )}
    </Stack>
  );
}

export function CampaignPage({ id }: { id: string }) {
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: api.campaigns });
  const asks = useQuery({
    queryKey: ['asks', 'campaign', id],
    queryFn: () => api.asks({ campaignId: id }),
  });
  if (campaigns.isLoading) return <Loader aria-label="Loading" />;
  const c = campaigns.data?.find((x) => x.id === id);
  if (!c) return <Alert color="red">There is no such campaign.</Alert>;
  const p = c.progress;
  const funnel = [
    { step: 'Asked', people: p.asked },
    { step: 'Replied', people: p.replied },
    { step: 'Met', people: p.met },
    { step: 'Declined', people: p.declined },
    { step: 'Moved on', people: p.movedOn },
  ];
  const weekly = weeklyProgress(asks.data ?? []);
  const figures: [string, string][] = [
    ['Chats', `${p.met} of ${c.targetChats}`],
    ['Asked', String(p.asked)],
    ['Open now', `${p.open} (batch of ${c.batchSize})`],
    ['Response rate', percent(p.responseRate)],
    ['Median days to reply', p.medianDaysToReply === null ? '—' : String(p.medianDaysToReply)],
    ['Insights gathered', String(p.insights)],
    ['Introductions', String(p.introductions)],
    ['Ends', c.endsOn ? longDate(c.endsOn) : 'open-ended'],
  ];
  return (
    <Stack gap="md">
      <Anchor component={Link} href="/campaigns" size="sm">
        ← Campaigns
      </Anchor>
      <Title order={1} size="h2">
        {c.name}
      </Title>
      {c.aim && <Text>{c.aim}</Text>}
      <Group gap={4}>
        {c.tags.map((t) => (
          <Badge key={t} variant="light" color="grape">
            {t}
          </Badge>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {figures.map(([label, value]) => (
          <Card key={label} withBorder padding="sm">
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {label}
            </Text>
            <Text fw={700} size="lg">
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="sm">
            Where the asks stand
          </Title>
          <BarChart
            h={240}
            data={funnel}
            dataKey="step"
            series={[{ name: 'people', label: 'People', color: 'indigo.6' }]}
            withTooltip
            yAxisProps={{ allowDecimals: false }}
            aria-label={`Asked ${p.asked}, replied ${p.replied}, met ${p.met}, declined ${p.declined}, moved on ${p.movedOn}`}
            role="img"
          />
        </Card>
        <Card withBorder padding="md">
          <Title order={2} size="h4" mb="sm">
            Week by week
          </Title>
          {weekly.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing sent yet.
            </Text>
          ) : (
            <AreaChart
              h={240}
              data={weekly}
              dataKey="week"
              series={[
                { name: 'asked', label: 'Asked', color: 'indigo.6' },
                { name: 'replied', label: 'Replied', color: 'teal.6' },
                { name: 'met', label: 'Met', color: 'grape.6' },
              ]}
              withLegend
              curveType="linear"
              yAxisProps={{ allowDecimals: false }}
              role="img"
              aria-label={`Cumulative asks, replies and chats by week, from ${weekly[0]?.week} to ${weekly[weekly.length - 1]?.week}`}
            />
          )}
        </Card>
      </SimpleGrid>
      <Card withBorder padding="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            Asks in this campaign
          </Title>
          <Anchor component={Link} href="/asks" size="sm">
            Open the board
          </Anchor>
        </Group>
        <Stack gap={6}>
          {(asks.data ?? []).map((a) => (
            <Group key={a.id} gap="xs" wrap="nowrap">
              <Badge variant="light" miw={90}>
                {a.state}
              </Badge>
              <Anchor component={Link} href={`/people/${a.personId}`} size="sm">
                {a.personName}
              </Anchor>
              <Text size="sm" c="dimmed" lineClamp={1}>
                {a.question}
              </Text>
            </Group>
          ))}
        </Stack>
      </Card>
    </Stack>
  );
}

const FIELDS = ['name', 'aim', 'targetChats', 'batchSize', 'endsOn', 'tags'] as const;

function NewCampaignModal(props: { onClose(): void; onCreated(c: Campaign): void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [aim, setAim] = useState('');
  const [targetChats, setTargetChats] = useState<number | string>(20);
  const [batchSize, setBatchSize] = useState<number | string>(2);
  const [endsOn, setEndsOn] = useState('');
  const [tags, setTags] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: api.createCampaign,
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
      props.onCreated(c);
    },
    onError: (error) => setErrors(apiFieldErrors(error, FIELDS)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name,
      ...(aim.trim() ? { aim } : {}),
      targetChats: Number(targetChats),
      batchSize: Number(batchSize),
      endsOn: endsOn || null,
      tags,
    };
    const checked = validate(campaignCreateSchema, input);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    create.mutate(input);
  };
  return (
    <FormModal
      title="New campaign"
      error={errors.form}
      submitLabel="Start the campaign"
      submitting={create.isPending}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <TextInput
        label="Name"
        required
        data-autofocus
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
      />
      <Textarea
        label="Aim"
        autosize
        minRows={2}
        value={aim}
        onChange={(e) => setAim(e.currentTarget.value)}
        error={errors.aim}
      />
      <Group grow wrap="wrap">
        <NumberInput
          label="Chats to aim for"
          min={1}
          max={1000}
          value={targetChats}
          onChange={setTargetChats}
          error={errors.targetChats}
          miw={140}
        />
        <NumberInput
          label="Asks open at once"
          min={1}
          max={20}
          value={batchSize}
          onChange={setBatchSize}
          error={errors.batchSize}
          miw={140}
        />
        <TextInput
          type="date"
          label="Ends on"
          value={endsOn}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
          error={errors.endsOn}
          miw={140}
        />
      </Group>
      <TagsInput
        label="What the people to ask should know about"
        description="Matched against tags, titles and organizations to suggest whom to ask"
        value={tags}
        onChange={setTags}
        error={errors.tags}
      />
    </FormModal>
  );
}
