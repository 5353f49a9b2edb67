// Taking everything out: downloads in each format, and the calendar feed's secret address
// (subscribe to it in a calendar app; renew it if it leaked, revoke it to stop).
import { Button, Card, CopyButton, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';

const DOWNLOADS = [
  { format: 'json', label: 'Everything (JSON)', hint: 'a full backup Kith restores exactly' },
  { format: 'csv', label: 'People (CSV)', hint: 'for a spreadsheet' },
  { format: 'vcard', label: 'People (vCard)', hint: 'for an address book or phone' },
  { format: 'ics', label: 'Calendar (iCalendar)', hint: 'chats, keep-in-touch days, follow-ups' },
] as const;

export function ExportCard() {
  const queryClient = useQueryClient();
  const feed = useQuery({ queryKey: ['calendar-feed'], queryFn: api.calendarFeed });
  const renew = useMutation({
    mutationFn: api.renewCalendarFeed,
    onSuccess: (data) => queryClient.setQueryData(['calendar-feed'], data),
  });
  const revoke = useMutation({
    mutationFn: api.revokeCalendarFeed,
    onSuccess: () => {
      queryClient.setQueryData(['calendar-feed'], { path: null });
      notifications.show({ message: 'Calendar feed revoked: its address no longer works.' });
    },
  });
  const url = feed.data?.path ? `${window.location.origin}${feed.data.path}` : null;
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Export
        </Title>
        <Group gap="xs">
          {DOWNLOADS.map((d) => (
            <Button
              key={d.format}
              component="a"
              href={`/api/export?format=${d.format}`}
              download
              variant="default"
              title={d.hint}
            >
              {d.label}
            </Button>
          ))}
        </Group>
        <Text size="xs" c="dimmed">
          The JSON backup holds everything; importing it into a new, empty Kith gives it all back.
        </Text>
        <Title order={3} size="h5">
          Calendar feed
        </Title>
        <Text size="sm">
          Subscribe to this secret address in your calendar app to see scheduled chats,
          keep-in-touch days and follow-ups. Anyone with the address can read them: renew it if it
          leaked.
        </Text>
        {url ? (
          <Group gap="xs" align="end" wrap="wrap">
            <TextInput
              label="Feed address"
              value={url}
              readOnly
              style={{ flex: 1, minWidth: 260 }}
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy}>
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" loading={renew.isPending} onClick={() => renew.mutate()}>
              Renew
            </Button>
            <Button
              variant="subtle"
              color="red"
              loading={revoke.isPending}
              onClick={() => revoke.mutate()}
            >
              Revoke
            </Button>
          </Group>
        ) : (
          <Group>
            <Button loading={renew.isPending} onClick={() => renew.mutate()}>
              Create a feed address
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
