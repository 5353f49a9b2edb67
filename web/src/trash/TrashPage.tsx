// Trash: archived people, kept with all their history, one click from coming back.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconTrashX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import type { PersonPage } from '../../../src/domain/person.js';
import { api } from '../api';
import { longDate } from '../app/format';
import { EraseDialog } from './EraseDialog';

const TRASH_KEY = ['people', 'trash'];

export function TrashPage() {
  const queryClient = useQueryClient();
  const trash = useQuery({
    queryKey: TRASH_KEY,
    queryFn: () => api.people({ archived: true, sort: 'recent', limit: 1000 }),
  });
  const restore = useMutation({
    mutationFn: (id: string) => api.restorePerson(id),
    // Gone from the list at once; back in it if the server says no.
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: TRASH_KEY });
      const before = queryClient.getQueryData<PersonPage>(TRASH_KEY);
      if (before) {
        queryClient.setQueryData<PersonPage>(TRASH_KEY, {
          ...before,
          items: before.items.filter((p) => p.id !== id),
          total: before.total - 1,
        });
      }
      return { before };
    },
    onError: (error, _id, context) => {
      if (context?.before) queryClient.setQueryData(TRASH_KEY, context.before);
      notifications.show({ color: 'red', message: `Could not restore: ${error.message}` });
    },
    onSuccess: (person) => {
      queryClient.setQueryData(['person', person.id], person);
      notifications.show({ message: `${person.displayName} is back in People.` });
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
    },
  });

  const [erasing, setErasing] = useState<{ id: string; name: string } | 'all' | null>(null);

  const items = trash.data?.items ?? [];
  const total = trash.data?.total ?? 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Title order={1} size="h2">
          Trash
        </Title>
        {total > 0 && (
          <Button
            variant="light"
            color="red"
            leftSection={<IconTrashX size={16} aria-hidden />}
            onClick={() => setErasing('all')}
          >
            Empty the trash…
          </Button>
        )}
      </Group>
      <Text c="dimmed">
        Archived people are out of lists, search and the agenda, with every interaction kept.
        Someone who asks to be forgotten can be erased for good.
      </Text>
      {erasing && (
        <EraseDialog
          target={
            erasing === 'all'
              ? { kind: 'trash', count: total }
              : { kind: 'person', name: erasing.name }
          }
          erase={() => (erasing === 'all' ? api.emptyTrash() : api.erasePerson(erasing.id))}
          onClose={() => setErasing(null)}
        />
      )}
      {trash.isLoading && <Loader aria-label="Loading" />}
      {trash.error && <Alert color="red">{trash.error.message}</Alert>}
      {!trash.isLoading && items.length === 0 && <Text>The trash is empty.</Text>}
      {items.length > 0 && (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={320}>
            <Table verticalSpacing="sm" aria-label="Archived people">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Archived</Table.Th>
                  <Table.Th>
                    <span className="kith-visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} href={`/people/${p.id}`}>
                        {p.displayName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {[p.title, p.organization?.name].filter(Boolean).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.archivedAt ? longDate(p.archivedAt) : ''}</Table.Td>
                    <Table.Td>
                      <Group justify="flex-end" gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconArrowBackUp size={14} aria-hidden />}
                          onClick={() => restore.mutate(p.id)}
                          aria-label={`Restore ${p.displayName}`}
                        >
                          Restore
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setErasing({ id: p.id, name: p.displayName })}
                          aria-label={`Erase ${p.displayName} for good`}
                        >
                          Erase…
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {trash.data && trash.data.total > items.length && (
            <Text size="sm" c="dimmed" p="sm">
              Showing the {items.length} most recently archived of {trash.data.total}.
            </Text>
          )}
        </Paper>
      )}
    </Stack>
  );
}

export default TrashPage;
