// Settings → Account: who is signed in, the password, passkeys, API tokens (shown once),
// invitations (owners), where the account is signed in, and signing out here or everywhere.
// In local mode: how to turn accounts on.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconCopy, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { api, ApiError, type Account } from '../api';
import { longDate, relativeDay } from '../app/format';
import { AUTH_KEY, forgetAndAsk } from './auth-state';
import { Section } from './Section';
import { TeamsSettings } from './TeamsSettings';
import { addPasskey, passkeysSupported, passkeyTrouble } from './passkeys';

export function AccountSettings() {
  const auth = useQuery({ queryKey: AUTH_KEY, queryFn: api.authState, staleTime: Infinity });
  if (!auth.data) return null;
  if (auth.data.mode === 'local')
    return (
      <Section title="Accounts">
        <Text size="sm">
          This server runs for this computer only, with no sign-in. To reach your network from your
          phone or share a server with a team, start it with <Code>kith serve --accounts</Code> (see
          the README on running Kith on a server).
        </Text>
      </Section>
    );
  const account = auth.data.account;
  if (!account) return null;
  return (
    <>
      <SignedIn account={account} />
      <PasswordForm />
      <Passkeys />
      <Tokens />
      {account.role === 'owner' && <Invitations />}
      <TeamsSettings account={account} />
    </>
  );
}

function CopyOnce({ label, value }: { label: string; value: string }) {
  return (
    <Alert color="green" title={label}>
      <Stack gap="xs">
        <Group gap="xs" wrap="nowrap" align="center">
          <Code style={{ wordBreak: 'break-all' }}>{value}</Code>
          <CopyButton value={value}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy'}>
                <ActionIcon
                  variant="default"
                  onClick={copy}
                  aria-label={`Copy ${label.toLowerCase()}`}
                >
                  {copied ? (
                    <IconCheck size={16} aria-hidden />
                  ) : (
                    <IconCopy size={16} aria-hidden />
                  )}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="xs">Shown only now: copy it somewhere safe.</Text>
      </Stack>
    </Alert>
  );
}

const when = (iso: string | null) => relativeDay(iso);

function SignedIn({ account }: { account: Account }) {
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['sessions'], queryFn: api.sessions });
  const done = () => {
    forgetAndAsk(queryClient);
  };
  const signOut = useMutation({ mutationFn: api.signOut, onSuccess: done });
  const everywhere = useMutation({ mutationFn: api.signOutEverywhere, onSuccess: done });
  return (
    <Section title="Your account">
      <Text size="sm">
        Signed in as <strong>{account.name}</strong> ({account.email})
        {account.role === 'owner' ? ', the owner of this server' : ''}.
      </Text>
      {sessions.data && (
        <Text size="sm" c="dimmed">
          Signed in on {sessions.data.length} {sessions.data.length === 1 ? 'device' : 'devices'};
          this one last seen {when(sessions.data.find((s) => s.current)?.lastSeenAt ?? null)}.
        </Text>
      )}
      <Group gap="xs">
        <Button variant="default" onClick={() => signOut.mutate()} loading={signOut.isPending}>
          Sign out
        </Button>
        <Button
          variant="default"
          color="red"
          onClick={() => {
            if (window.confirm('Sign out on every device, this one included?')) everywhere.mutate();
          }}
          loading={everywhere.isPending}
        >
          Sign out everywhere
        </Button>
      </Group>
    </Section>
  );
}

function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useMutation({
    mutationFn: () => api.changePassword({ current, password }),
    onSuccess: () => {
      setCurrent('');
      setPassword('');
      setErrors({});
      notifications.show({ message: 'Password changed; your other devices were signed out.' });
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.field === 'current' || error.field === 'password'))
        setErrors({ [error.field]: error.messageFor(error.field) ?? error.message });
      else setErrors({ form: error.message });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    change.mutate();
  };
  return (
    <Section title="Password">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.current}
          />
          <PasswordInput
            label="New password"
            description="At least 10 characters"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          <Group>
            <Button type="submit" variant="default" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function Passkeys() {
  const queryClient = useQueryClient();
  const passkeys = useQuery({ queryKey: ['passkeys'], queryFn: api.passkeys });
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['passkeys'] });
  const add = useMutation({
    mutationFn: () => addPasskey(name.trim() || 'Passkey'),
    onSuccess: () => {
      setName('');
      setProblem(null);
      void refresh();
    },
    onError: (error) =>
      setProblem(error instanceof ApiError ? error.message : passkeyTrouble(error)),
  });
  const remove = useMutation({ mutationFn: api.removePasskey, onSuccess: refresh });
  return (
    <Section title="Passkeys">
      <Text size="sm">
        Sign in with your fingerprint, face or device PIN instead of the password: a passkey stays
        on your device (or your phone) and cannot be phished.
      </Text>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      {passkeys.data && passkeys.data.length > 0 && (
        <Table.ScrollContainer minWidth={320}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Added</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>
                  <span className="kith-visually-hidden">Remove</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {passkeys.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{longDate(p.createdAt)}</Table.Td>
                  <Table.Td>{when(p.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove the passkey ${p.name}`}
                      onClick={() => {
                        if (window.confirm(`Remove the passkey “${p.name}”?`)) remove.mutate(p.id);
                      }}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {passkeysSupported() ? (
        <Group align="end" gap="xs">
          <TextInput
            label="Name for a new passkey"
            placeholder="Laptop, phone…"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button variant="default" onClick={() => add.mutate()} loading={add.isPending}>
            Add a passkey
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          This browser cannot make passkeys (they need HTTPS, or localhost).
        </Text>
      )}
    </Section>
  );
}

function Tokens() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: api.tokens });
  const [name, setName] = useState('');
  const [readOnly, setReadOnly] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [made, setMade] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['tokens'] });
  const create = useMutation({
    mutationFn: () => api.createToken({ name, readOnly }),
    onSuccess: (token) => {
      setMade(token.token);
      setName('');
      setReadOnly(false);
      setError(undefined);
      void refresh();
    },
    onError: (e) =>
      setError(e instanceof ApiError ? (e.messageFor('name') ?? e.message) : e.message),
  });
  const revoke = useMutation({ mutationFn: api.revokeToken, onSuccess: refresh });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Section title="API tokens">
      <Text size="sm">
        For scripts and the command line against this server: send one as{' '}
        <Code>Authorization: Bearer …</Code>. A read-only token can read everything and change
        nothing.
      </Text>
      {made && <CopyOnce label="Your new token" value={made} />}
      {tokens.data && tokens.data.length > 0 && (
        <Table.ScrollContainer minWidth={420}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Starts with</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>
                  <span className="kith-visually-hidden">Revoke</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.map((t) => (
                <Table.Tr key={t.id}>
                  <Table.Td>
                    {t.name}{' '}
                    {t.readOnly && (
                      <Badge size="xs" variant="light">
                        read-only
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Code>{t.prefix}…</Code>
                  </Table.Td>
                  <Table.Td>{when(t.lastUsedAt)}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Revoke the token ${t.name}`}
                      onClick={() => {
                        if (window.confirm(`Revoke “${t.name}”? Anything using it stops working.`))
                          revoke.mutate(t.id);
                      }}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={submit} noValidate>
        <Group align="end" gap="xs">
          <TextInput
            label="Token name"
            placeholder="backup script"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
          />
          <Checkbox
            label="Read-only"
            checked={readOnly}
            onChange={(e) => setReadOnly(e.currentTarget.checked)}
            mb={8}
          />
          <Button type="submit" variant="default" loading={create.isPending}>
            Make a token
          </Button>
        </Group>
      </form>
    </Section>
  );
}

function Invitations() {
  const queryClient = useQueryClient();
  const invitations = useQuery({ queryKey: ['invitations'], queryFn: api.invitations });
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [link, setLink] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['invitations'] });
  const invite = useMutation({
    mutationFn: () => api.invite(email.trim() || undefined),
    onSuccess: (made) => {
      setLink(made.url);
      setEmail('');
      setError(undefined);
      void refresh();
    },
    onError: (e) =>
      setError(e instanceof ApiError ? (e.messageFor('email') ?? e.message) : e.message),
  });
  const withdraw = useMutation({ mutationFn: api.withdrawInvitation, onSuccess: refresh });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  const open = invitations.data?.filter((i) => !i.usedAt) ?? [];
  return (
    <Section title="Invite people">
      <Text size="sm">
        An invitation link lets one person make an account on this server, within a week. Their
        network is theirs alone.
      </Text>
      {link && <CopyOnce label="Invitation link" value={link} />}
      <form onSubmit={submit} noValidate>
        <Group align="end" gap="xs">
          <TextInput
            label="Their email (optional)"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={error}
          />
          <Button type="submit" variant="default" loading={invite.isPending}>
            Make an invitation link
          </Button>
        </Group>
      </form>
      {open.length > 0 && (
        <Stack gap={4}>
          {open.map((i) => (
            <Group key={i.id} gap="xs" wrap="nowrap">
              <Text size="sm">
                {i.email ?? 'Anyone with the link'} · until {longDate(i.expiresAt)}
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                onClick={() => withdraw.mutate(i.id)}
                aria-label={`Withdraw the invitation for ${i.email ?? 'anyone with the link'}`}
              >
                Withdraw
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Section>
  );
}
