// Erasing for good, when someone asks to be forgotten: the dialog says what goes and what
// stays, and asks for the name (or the words) typed back before anything is removed. There
// is no undo, so there is no one-click path to it.
import { Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describeErased, type Erased } from '../../../src/domain/erase.js';
import { refreshAfterChats } from '../app/refresh';

export function EraseDialog(props: {
  /** Who is erased: one person, or everyone in the trash. */
  target: { kind: 'person'; name: string } | { kind: 'trash'; count: number };
  erase(): Promise<Erased>;
  onClose(): void;
  onErased?(): void;
}) {
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const words = props.target.kind === 'person' ? props.target.name : 'empty the trash';
  const run = useMutation({
    mutationFn: props.erase,
    onSuccess: (done) => {
      notifications.show({ message: describeErased(done) });
      queryClient.removeQueries({ queryKey: ['person'] });
      refreshAfterChats(queryClient);
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
      props.onClose();
      props.onErased?.();
    },
  });
  const ready = typed.trim().toLowerCase() === words.trim().toLowerCase();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (ready) run.mutate();
  };
  const who =
    props.target.kind === 'person'
      ? props.target.name
      : `the ${props.target.count} ${props.target.count === 1 ? 'person' : 'people'} in the trash`;
  return (
    <Modal
      opened
      onClose={props.onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={props.target.kind === 'person' ? `Erase ${who} for good?` : 'Empty the trash?'}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            For someone who asked to be forgotten. This removes everything Kith holds about {who},
            with no undo:
          </Text>
          <List size="sm" spacing={2}>
            <List.Item>the profile, its lists, photo and notes</List.Item>
            <List.Item>chats only they were in, with their notes and insights</List.Item>
            <List.Item>asks, tasks, ties and introductions they are part of</List.Item>
            <List.Item>
              what imports and merges remember of them, and their search entries
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            Chats shared with others stay, without them. Backups you exported earlier are files Kith
            cannot reach.
          </Text>
          <TextInput
            label={`Type “${words}” to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {run.error && (
            <Text c="red" size="sm" role="alert">
              {run.error.message}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" disabled={!ready} loading={run.isPending}>
              {props.target.kind === 'person' ? 'Erase for good' : 'Empty the trash'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
