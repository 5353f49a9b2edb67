// Settings: who you are (for drafted messages), the templates of those messages, how long to
// wait before a nudge and before moving on, keep-in-touch defaults per role, the time zone.
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Loader,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_TEMPLATES, PLACEHOLDERS } from '../../../src/domain/method/draft-message.js';
import { ROLES } from '../../../src/domain/roles.js';
import { INTERACTION_KINDS, type InteractionKind } from '../../../src/domain/interaction.js';
import {
  DEFAULT_INTRO_TEMPLATES,
  INTRO_MESSAGES,
  type IntroMessage,
} from '../../../src/domain/connect/intro-drafts.js';
import { api, browserTimeZone, type Settings } from '../api';
import { apiFieldErrors, type FieldErrors } from '../app/field-errors';
import { KIND_LABELS, PURPOSES, ROLE_LABELS } from '../app/format';
import { AccountSettings } from '../account/AccountSettings';

const FIELDS = [
  'myName',
  'myIntro',
  'myOrganization',
  'myUnit',
  'nudgeAfterDays',
  'moveOnAfterDays',
  'timeZone',
  'thankYouKinds',
  'datesAheadDays',
] as const;

const INTRO_LABELS: Record<IntroMessage, string> = {
  'ask-a': 'Introduction: asking the first person',
  'ask-b': 'Introduction: asking the second person',
  connect: 'Introduction: connecting them',
};

export function SettingsPage() {
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: ['settings'], queryFn: api.settings });
  const [draft, setDraft] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (settings.data && !draft) setDraft(settings.data);
  }, [settings.data, draft]);

  const save = useMutation({
    mutationFn: api.updateSettings,
    onSuccess: (saved) => {
      setErrors({});
      setDraft(saved);
      queryClient.setQueryData(['settings'], saved);
      void queryClient.invalidateQueries({ queryKey: ['today'] });
      void queryClient.invalidateQueries({ queryKey: ['draft'] });
      notifications.show({ message: 'Settings saved.' });
    },
    onError: (error) => {
      const found = apiFieldErrors(error, [
        ...FIELDS,
        ...ROLES.map((r) => `roleCadence.${r}`),
        ...PURPOSES.map((p) => `templates.${p.value}`),
        ...INTRO_MESSAGES.map((m) => `introTemplates.${m}`),
      ]);
      setErrors(found);
    },
  });

  if (settings.isLoading || !draft) return <Loader aria-label="Loading" />;
  if (settings.error) return <Alert color="red">{settings.error.message}</Alert>;
  const set = (change: Partial<Settings>) => setDraft({ ...draft, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };
  const zone = browserTimeZone();

  return (
    <>
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={860}>
          <Group justify="space-between">
            <Title order={1} size="h2">
              Settings
            </Title>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
          {errors.form && (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          )}
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                You, in the messages you send
              </Title>
              <TextInput
                label="Your name"
                value={draft.myName}
                onChange={(e) => set({ myName: e.currentTarget.value })}
                error={errors.myName}
              />
              <Textarea
                label="One sentence about you"
                description="It opens every drafted ask: who you are and why you are reaching out"
                autosize
                minRows={2}
                value={draft.myIntro}
                onChange={(e) => set({ myIntro: e.currentTarget.value })}
                error={errors.myIntro}
              />
              <Group grow wrap="wrap">
                <TextInput
                  label="Where you work"
                  description="Insights compare your network with it"
                  value={draft.myOrganization}
                  onChange={(e) => set({ myOrganization: e.currentTarget.value })}
                  error={errors.myOrganization}
                  miw={200}
                />
                <TextInput
                  label="Your unit or team"
                  description="“80% of your chats were with your own unit”"
                  value={draft.myUnit}
                  onChange={(e) => set({ myUnit: e.currentTarget.value })}
                  error={errors.myUnit}
                  miw={200}
                />
              </Group>
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                When nobody answers
              </Title>
              <Group grow wrap="wrap">
                <NumberInput
                  label="Suggest one nudge after (days)"
                  min={1}
                  max={365}
                  value={draft.nudgeAfterDays}
                  onChange={(v) => set({ nudgeAfterDays: Number(v) })}
                  error={errors.nudgeAfterDays}
                  miw={200}
                />
                <NumberInput
                  label="Then move on after (days)"
                  min={1}
                  max={365}
                  value={draft.moveOnAfterDays}
                  onChange={(v) => set({ moveOnAfterDays: Number(v) })}
                  error={errors.moveOnAfterDays}
                  miw={200}
                />
                <NumberInput
                  label="Birthdays and dates on Today (days ahead)"
                  description="0: not at all"
                  min={0}
                  max={60}
                  value={draft.datesAheadDays}
                  onChange={(v) => set({ datesAheadDays: Number(v) })}
                  error={errors.datesAheadDays}
                  miw={200}
                />
              </Group>
              <TextInput
                label="Time zone"
                description={`Days are counted in it. Empty: this browser's (${zone}).`}
                placeholder={zone}
                value={draft.timeZone ?? ''}
                onChange={(e) => set({ timeZone: e.currentTarget.value.trim() || null })}
                error={errors.timeZone}
              />
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Checkbox.Group
                label={
                  <Title order={2} size="h4" component="span">
                    A thank-you after
                  </Title>
                }
                description="Chats of these kinds put a thank-you on Today when you log them, unless you say none is needed (for the chat, or on the person's page)."
                value={draft.thankYouKinds}
                onChange={(kinds) => set({ thankYouKinds: kinds as InteractionKind[] })}
                error={errors.thankYouKinds}
              >
                <Group gap="md" mt="xs" wrap="wrap">
                  {INTERACTION_KINDS.map((kind) => (
                    <Checkbox key={kind} value={kind} label={KIND_LABELS[kind] ?? kind} />
                  ))}
                </Group>
              </Checkbox.Group>
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                Keep in touch, by role
              </Title>
              <Text size="sm" c="dimmed">
                Every how many days to be in touch with people of each role, unless a person has a
                cadence of their own. Empty: no reminder for that role.
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                {ROLES.map((role) => (
                  <NumberInput
                    key={role}
                    label={ROLE_LABELS[role] ?? role}
                    min={1}
                    max={365}
                    value={draft.roleCadence[role] ?? ''}
                    onChange={(v) => {
                      const roleCadence = { ...draft.roleCadence };
                      if (v === '' || v === undefined) delete roleCadence[role];
                      else roleCadence[role] = Number(v);
                      set({ roleCadence });
                    }}
                    error={errors[`roleCadence.${role}`]}
                  />
                ))}
              </SimpleGrid>
            </Stack>
          </Card>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                Message templates
              </Title>
              <Text size="sm" c="dimmed">
                Placeholders: {PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}. Empty: the template
                shown greyed out is used. A placeholder with no value stops the draft and says
                which.
              </Text>
              {PURPOSES.map((purpose) => {
                const key = purpose.value as keyof typeof DEFAULT_TEMPLATES;
                return (
                  <Textarea
                    key={key}
                    label={purpose.label}
                    autosize
                    minRows={4}
                    placeholder={DEFAULT_TEMPLATES[key]}
                    value={draft.templates[key] ?? ''}
                    onChange={(e) => {
                      const templates = { ...draft.templates };
                      const text = e.currentTarget.value;
                      if (text.trim()) templates[key] = text;
                      else delete templates[key];
                      set({ templates });
                    }}
                    error={errors[`templates.${key}`]}
                  />
                );
              })}
              {INTRO_MESSAGES.map((message) => (
                <Textarea
                  key={message}
                  label={INTRO_LABELS[message]}
                  description="{first_name} is the person the message goes to, {other_name} the other, {reason} why they should meet"
                  autosize
                  minRows={4}
                  placeholder={DEFAULT_INTRO_TEMPLATES[message]}
                  value={draft.introTemplates[message] ?? ''}
                  onChange={(e) => {
                    const introTemplates = { ...draft.introTemplates };
                    const text = e.currentTarget.value;
                    if (text.trim()) introTemplates[message] = text;
                    else delete introTemplates[message];
                    set({ introTemplates });
                  }}
                  error={errors[`introTemplates.${message}`]}
                />
              ))}
              <Text size="xs" c="dimmed">
                From the command line: <Code>kith settings template feedback my-template.txt</Code>{' '}
                or <Code>kith settings template intro-connect my-template.txt</Code>
              </Text>
            </Stack>
          </Card>
        </Stack>
      </form>
      <Stack gap="md" maw={860} mt="md">
        <AccountSettings />
      </Stack>
    </>
  );
}

export default SettingsPage;
