// The message of an ask, always drafted: what Kith does not know yet shows as a blank
// ("[your name]") and is asked for right here — your name and introduction are kept in Settings
// for every draft after; the piece of work, the topic or their organization are for this one.
import {
  Alert,
  Button,
  CopyButton,
  Group,
  Loader,
  Modal,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, type Ask } from '../api';
import { ReachLinks } from '../person/ReachLinks';

/** What each blank is called, and whether it is kept in Settings for later drafts. */
const BLANKS: Record<string, { label: string; kept: boolean; long?: boolean }> = {
  my_name: { label: 'Your name', kept: true },
  my_intro: { label: 'One sentence about you', kept: true, long: true },
  work: { label: 'The piece of work you want feedback on', kept: false, long: true },
  topic: { label: 'The topic you want advice on', kept: false },
  organization: { label: 'Their organization', kept: false },
};

export function DraftModal(props: { ask: Ask; onClose(): void }) {
  const queryClient = useQueryClient();
  const [extra, setExtra] = useState<{ work?: string; topic?: string; organization?: string }>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const draft = useQuery({
    queryKey: ['draft', props.ask.id, extra],
    queryFn: () => api.draft(props.ask.id, extra),
    retry: false,
    placeholderData: keepPreviousData,
  });
  // Whom it goes to: the ways to reach them, with the text filled in where a channel allows.
  const person = useQuery({
    queryKey: ['person', props.ask.personId],
    queryFn: () => api.person(props.ask.personId),
  });
  const fill = useMutation({
    mutationFn: async () => {
      const myName = typed.my_name?.trim();
      const myIntro = typed.my_intro?.trim();
      if (myName || myIntro)
        await api.updateSettings({
          ...(myName ? { myName } : {}),
          ...(myIntro ? { myIntro } : {}),
        });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['settings'] });
      void queryClient.invalidateQueries({ queryKey: ['draft'] });
      setExtra((e) => ({
        ...e,
        ...(typed.work?.trim() ? { work: typed.work.trim() } : {}),
        ...(typed.topic?.trim() ? { topic: typed.topic.trim() } : {}),
        ...(typed.organization?.trim() ? { organization: typed.organization.trim() } : {}),
      }));
    },
  });
  const missing = (draft.data?.missing ?? []).filter((m) => BLANKS[m]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    fill.mutate();
  };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={props.onClose}
      title={`Message to ${props.ask.personName}`}
      size="lg"
    >
      {draft.isLoading && <Loader aria-label="Loading" />}
      {draft.error && (
        <Alert color="red" role="alert">
          {draft.error.message}
        </Alert>
      )}
      {draft.data && (
        <Stack gap="sm">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="draft-text">
            {draft.data.text}
          </Text>
          {missing.length > 0 && (
            <form onSubmit={submit} noValidate aria-label="Fill in the blanks">
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  Fill in the blanks
                </Text>
                {missing.map((m) => {
                  const blank = BLANKS[m];
                  if (!blank) return null;
                  const Field = blank.long ? Textarea : TextInput;
                  return (
                    <Field
                      key={m}
                      label={blank.label}
                      description={blank.kept ? 'Kept in Settings for every draft' : undefined}
                      value={typed[m] ?? ''}
                      onChange={(e) => setTyped({ ...typed, [m]: e.currentTarget.value })}
                      autosize={blank.long ? true : undefined}
                    />
                  );
                })}
                {fill.error && (
                  <Alert color="red" role="alert">
                    {fill.error.message}
                  </Alert>
                )}
                <Group justify="flex-end">
                  <Button type="submit" variant="default" loading={fill.isPending}>
                    Fill in the draft
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
          {person.data && missing.length === 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Send it with
              </Text>
              <ReachLinks
                person={person.data}
                message={{ subject: props.ask.question.slice(0, 120), text: draft.data.text }}
                label="Send the message"
              />
            </Stack>
          )}
          <Group justify="flex-end">
            <CopyButton value={draft.data.text}>
              {({ copied, copy }) => (
                <Button onClick={copy} variant={copied ? 'light' : 'filled'}>
                  {copied ? 'Copied' : 'Copy the message'}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
