// Signing in (a password or a passkey), making the owner's account on a new server, and
// joining with an owner's invitation link (/sign-up?invitation=…).
import {
  Alert,
  Anchor,
  Button,
  Center,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { forgetAndAsk } from './auth-state';
import { passkeysSupported, passkeyTrouble, signInWithPasskey } from './passkeys';

const invitationInAddress = (): string | null =>
  new URLSearchParams(window.location.search).get('invitation');

export function SignInPage({ firstAccount }: { firstAccount: boolean }) {
  const invitation = invitationInAddress();
  const [joining, setJoining] = useState(firstAccount || invitation !== null);
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder radius="md" p="lg" w="100%" maw={420}>
        {joining ? (
          <SignUpForm
            firstAccount={firstAccount}
            invitation={invitation}
            onSignIn={firstAccount ? null : () => setJoining(false)}
          />
        ) : (
          <SignInForm />
        )}
      </Paper>
    </Center>
  );
}

function useSignedIn() {
  const queryClient = useQueryClient();
  return () => {
    // Off the sign-up address, so a reload does not offer the used invitation again.
    if (window.location.pathname === '/sign-up') window.history.replaceState(null, '', '/');
    forgetAndAsk(queryClient);
  };
}

function SignInForm() {
  const signedIn = useSignedIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const withPassword = useMutation({
    mutationFn: () => api.signIn({ email, password }),
    onSuccess: signedIn,
    onError: (error) => setProblem(error.message),
  });
  const withPasskey = useMutation({
    mutationFn: signInWithPasskey,
    onSuccess: signedIn,
    onError: (error) =>
      setProblem(error instanceof ApiError ? error.message : passkeyTrouble(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    withPassword.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          Sign in to Kith
        </Title>
        {problem && (
          <Alert color="red" role="alert" title="Not signed in">
            {problem}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          autoComplete="username webauthn"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          required
          data-autofocus
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          required
        />
        <Button type="submit" loading={withPassword.isPending}>
          Sign in
        </Button>
        {passkeysSupported() && (
          <>
            <Divider label="or" labelPosition="center" />
            <Button
              variant="default"
              leftSection={<IconKey size={16} aria-hidden />}
              onClick={() => {
                setProblem(null);
                withPasskey.mutate();
              }}
              loading={withPasskey.isPending}
            >
              Sign in with a passkey
            </Button>
          </>
        )}
        <Text size="sm" c="dimmed">
          New here? Ask the server’s owner for an invitation link.
        </Text>
      </Stack>
    </form>
  );
}

function SignUpForm({
  firstAccount,
  invitation,
  onSignIn,
}: {
  firstAccount: boolean;
  invitation: string | null;
  onSignIn: (() => void) | null;
}) {
  const signedIn = useSignedIn();
  const invited = useQuery({
    queryKey: ['invitation', invitation],
    queryFn: () => api.invitationFor(invitation ?? ''),
    enabled: !firstAccount && invitation !== null,
  });
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const fixedEmail = invited.data?.email ?? null;
  const signUp = useMutation({
    mutationFn: () =>
      api.signUp({
        name,
        email: fixedEmail ?? email,
        password,
        ...(invitation && !firstAccount ? { invitation } : {}),
      }),
    onSuccess: signedIn,
    onError: (error) => {
      if (
        error instanceof ApiError &&
        error.field &&
        ['name', 'email', 'password'].includes(error.field)
      ) {
        setErrors({ [error.field]: error.messageFor(error.field) ?? error.message });
      } else setProblem(error.message);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    setProblem(null);
    signUp.mutate();
  };
  const unusable = !firstAccount && (invited.isError || invitation === null);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={1} size="h2">
          {firstAccount ? 'Make the owner’s account' : 'Join Kith'}
        </Title>
        <Text size="sm">
          {firstAccount
            ? 'This server has no accounts yet. The first one is its owner: the network already here becomes yours, and you can invite others.'
            : 'You were invited to this Kith server. Your network here is yours alone.'}
        </Text>
        {unusable && (
          <Alert color="red" role="alert" title="This invitation cannot be used">
            {invited.error?.message ?? 'Ask the server’s owner for an invitation link.'}
          </Alert>
        )}
        {problem && (
          <Alert color="red" role="alert" title="No account made">
            {problem}
          </Alert>
        )}
        <TextInput
          label="Your name"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          required
          data-autofocus
        />
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          value={fixedEmail ?? email}
          readOnly={fixedEmail !== null}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={errors.email}
          required
        />
        <PasswordInput
          label="Password"
          description="At least 10 characters. You can add a passkey once you are in."
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          required
        />
        <Button type="submit" loading={signUp.isPending} disabled={unusable}>
          {firstAccount ? 'Make my account' : 'Join'}
        </Button>
        {onSignIn && (
          <Text size="sm">
            Already have an account?{' '}
            <Anchor component="button" type="button" onClick={onSignIn}>
              Sign in
            </Anchor>
          </Text>
        )}
      </Stack>
    </form>
  );
}
