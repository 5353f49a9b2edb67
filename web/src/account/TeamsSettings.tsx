// Settings → Teams: make a team, add accounts of this server to it (its owner), and choose to
// share your people and ties with it — never your notes, chats, asks or insights.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError, type Account, type Team } from '../api';
import { Section } from './Section';

const TEAMS = ['teams'] as const;

export function TeamsSettings({ account }: { account: Account }) {
  const queryClient = useQueryClient();
  const teams = useQuery({ queryKey: TEAMS, queryFn: api.teams });
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: TEAMS });
  const create = useMutation({
    mutationFn: () => api.createTeam(name),
    onSuccess: () => {
      setName('');
      setError(undefined);
      void refresh();
    },
    onError: (e) =>
      setError(e instanceof ApiError ? (e.messageFor('name') ?? e.message) : e.message),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Section title="Teams">
      <Text size="sm">
        Ask “who among us knows someone at Acme?” with colleagues on this server. Each member
        chooses to share their people and ties with the team: names, organizations, titles, tags and
        how well they know each person. Notes, chats, asks and insights stay private.
      </Text>
      {teams.data?.map((team) => (
        <TeamCard key={team.id} team={team} me={account} onChange={refresh} />
      ))}
      <form onSubmit={submit} noValidate>
        <Group align="end" gap="xs">
          <TextInput
            label="New team"
            placeholder="Consulting crew"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
          />
          <Button type="submit" variant="default" loading={create.isPending}>
            Make a team
          </Button>
        </Group>
      </form>
    </Section>
  );
}

function TeamCard({ team, me, onChange }: { team: Team; me: Account; onChange: () => void }) {
  const [email, setEmail] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const fail = (e: Error) =>
    setProblem(e instanceof ApiError ? (e.messageFor('email') ?? e.message) : e.message);
  const share = useMutation({
    mutationFn: (sharing: boolean) => api.shareWithTeam(team.id, sharing),
    onSuccess: onChange,
    onError: fail,
  });
  const add = useMutation({
    mutationFn: () => api.addTeamMember(team.id, email),
    onSuccess: () => {
      setEmail('');
      setProblem(undefined);
      onChange();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (accountId: string) => api.removeTeamMember(team.id, accountId),
    onSuccess: onChange,
    onError: fail,
  });
  const owner = team.role === 'owner';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  return (
    <Card withBorder padding="sm" data-testid="team">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h5">
            {team.name}
          </Title>
          <Switch
            label="Share my people and ties with this team"
            checked={team.sharing}
            onChange={(e) => share.mutate(e.currentTarget.checked)}
          />
        </Group>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {team.members.map((m) => (
            <Group key={m.accountId} gap="xs" component="li" wrap="wrap">
              <Text size="sm">
                {m.name} ({m.email})
              </Text>
              {m.role === 'owner' && (
                <Badge size="xs" variant="light">
                  owner
                </Badge>
              )}
              <Badge size="xs" variant="light" color={m.sharing ? 'indigo' : 'gray'}>
                {m.sharing ? 'shares' : 'not sharing'}
              </Badge>
              {owner && m.accountId !== me.id && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => remove.mutate(m.accountId)}
                  aria-label={`Remove ${m.name} from ${team.name}`}
                >
                  Remove
                </Button>
              )}
            </Group>
          ))}
        </Stack>
        {owner && (
          <form onSubmit={submit} noValidate>
            <Group align="end" gap="xs">
              <TextInput
                label="Add a member by email"
                description="Someone with an account on this server"
                type="email"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
              />
              <Button type="submit" variant="default" loading={add.isPending}>
                Add
              </Button>
            </Group>
          </form>
        )}
        <Group>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            onClick={() => {
              const question = owner
                ? `End ${team.name}? Nobody shares through it any more.`
                : `Leave ${team.name}? Your people stop being shared with it at once.`;
              if (window.confirm(question)) remove.mutate(me.id);
            }}
          >
            {owner ? 'End this team' : 'Leave this team'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
