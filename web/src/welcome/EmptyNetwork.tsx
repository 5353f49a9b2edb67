// The first-run screen: an empty network offers a sample one, a first person, or an import.
import { Alert, Button, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconSparkles, IconUserPlus } from '@tabler/icons-react';
import { Link } from 'wouter';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { useAppActions } from '../app/actions';

export function EmptyNetwork() {
  const queryClient = useQueryClient();
  const actions = useAppActions();
  const demo = useMutation({
    mutationFn: api.loadDemo,
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <Stack maw={680} mx="auto" mt="xl" gap="lg">
      <Title order={1}>Welcome to Kith</Title>
      <Text>
        Kith remembers the people in your network, what you learned from each chat, and tells you
        each day whom to reach out to. Everything stays on this machine.
      </Text>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Look around with a sample network
          </Title>
          <Text size="sm">
            200 made-up people with their organizations, chats and insights, and a campaign under
            way. Start over any time with a new database file.
          </Text>
          <Group>
            <Button
              leftSection={<IconSparkles size={16} aria-hidden />}
              loading={demo.isPending}
              onClick={() => demo.mutate()}
            >
              Load the sample network
            </Button>
          </Group>
          {demo.error && (
            <Alert color="red" title="The sample network could not be loaded">
              {demo.error.message}
            </Alert>
          )}
        </Stack>
      </Card>
      <Card withBorder padding="lg">
        <Stack gap="sm">
          <Title order={2} size="h3">
            Start with your own people
          </Title>
          <Group>
            <Button
              variant="light"
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={actions.addPerson}
            >
              Add your first person
            </Button>
            <Button
              variant="light"
              component={Link}
              href="/import"
              leftSection={<IconFileImport size={16} aria-hidden />}
            >
              Import your contacts
            </Button>
          </Group>
          <Text size="sm">
            Imports read LinkedIn’s export as downloaded (the <Code>.zip</Code>: connections,
            messages and invitations), Google and Outlook CSV exports, vCard files and calendars (
            <Code>.ics</Code>); from the command line:{' '}
            <Code>kith import Basic_LinkedInDataExport.zip</Code>.
          </Text>
        </Stack>
      </Card>
    </Stack>
  );
}
