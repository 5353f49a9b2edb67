// On a person's page: how strong the user's tie to them is (explained) with the reciprocity
// ledger — what was asked of them and what was given back — and whom they know, where a new
// tie can be recorded ("worked together at X").
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { api, type Knows } from '../api';
import type { ParticipantChoice } from '../app/actions';
import { apiFieldErrors, type FieldErrors } from '../app/field-errors';
import { PersonPicker } from '../interactions/PersonPicker';

const TIE_COLORS: Record<string, string> = { strong: 'indigo', good: 'blue' };

export function TieAndLedger({ personId }: { personId: string }) {
  const ledger = useQuery({ queryKey: ['ledger', personId], queryFn: () => api.ledger(personId) });
  const data = ledger.data;
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        Your tie and what you gave
      </Title>
      {ledger.error && <Alert color="red">{ledger.error.message}</Alert>}
      {data && (
        <Stack gap={6}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Badge
              variant="light"
              color={TIE_COLORS[data.strength.label] ?? 'gray'}
              style={{ flexShrink: 0 }}
            >
              {data.strength.label === 'none' ? 'no tie yet' : `${data.strength.label} tie`}
            </Badge>
            <Text size="sm" data-testid="tie-explanation">
              {data.strength.explanation}
            </Text>
          </Group>
          <Text size="sm" c={data.oneSided ? 'orange.9' : undefined}>
            {data.note}
          </Text>
          {data.entries.slice(0, 6).map((e) => (
            <Text key={`${e.at}${e.what}`} size="xs" c="dimmed">
              {e.at.slice(0, 10)} · {e.direction === 'asked' ? 'asked' : 'gave'}: {e.what}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

export function WhomTheyKnow({ personId, name }: { personId: string; name: string }) {
  const queryClient = useQueryClient();
  const ties = useQuery({ queryKey: ['knows', personId], queryFn: () => api.knowsOf(personId) });
  const [other, setOther] = useState<ParticipantChoice[]>([]);
  const [context, setContext] = useState('');
  const [strength, setStrength] = useState('good');
  const [errors, setErrors] = useState<FieldErrors>({});
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['knows'] });
    void queryClient.invalidateQueries({ queryKey: ['who'] });
  };
  const record = useMutation({
    mutationFn: api.recordKnows,
    onSuccess: () => {
      setOther([]);
      setContext('');
      setErrors({});
      refresh();
    },
    onError: (error) => setErrors(apiFieldErrors(error, ['personB', 'context', 'strength'])),
  });
  const forget = useMutation({ mutationFn: api.forgetKnows, onSuccess: refresh });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!other[0]) return setErrors({ personB: 'pick whom they know' });
    record.mutate({
      personA: personId,
      personB: other[0].id,
      ...(context.trim() ? { context } : {}),
      strength: strength as 'strong' | 'good' | 'weak',
    });
  };
  const first = name.split(' ')[0] ?? name;
  const otherOf = (t: Knows) =>
    t.personA === personId
      ? { id: t.personB, name: t.personBName }
      : { id: t.personA, name: t.personAName };
  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        Whom {first} knows
      </Title>
      <Stack gap={4} mb="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {(ties.data ?? []).length === 0 && (
          <Text size="sm" c="dimmed" component="li">
            No one recorded yet. Ties make warm paths: “who can help with X” goes through them.
          </Text>
        )}
        {(ties.data ?? []).map((t) => {
          const o = otherOf(t);
          return (
            <Group key={t.id} gap="xs" component="li" wrap="nowrap" justify="space-between">
              <Text size="sm">
                <Anchor component={Link} href={`/people/${o.id}`} inherit underline="always">
                  {o.name}
                </Anchor>
                {t.context ? ` — ${t.context}` : ''}
                {t.inferred ? ' (inferred)' : ''}
              </Text>
              {!t.inferred && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Forget that ${first} knows ${o.name}`}
                  onClick={() => forget.mutate(t.id)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
          );
        })}
      </Stack>
      <form onSubmit={submit} noValidate aria-label={`Record someone ${first} knows`}>
        <Stack gap="xs">
          <PersonPicker
            label={`${first} knows`}
            required={false}
            value={other}
            onChange={(v) => setOther(v.slice(-1))}
            error={errors.personB}
          />
          <Group grow wrap="wrap" align="flex-start">
            <TextInput
              label="How"
              placeholder="worked together at Ledgerly"
              value={context}
              onChange={(e) => setContext(e.currentTarget.value)}
              error={errors.context}
              miw={180}
            />
            <NativeSelect
              label="How well"
              value={strength}
              onChange={(e) => setStrength(e.currentTarget.value)}
              data={[
                { value: 'strong', label: 'Strong' },
                { value: 'good', label: 'Good' },
                { value: 'weak', label: 'Weak' },
              ]}
              miw={120}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" size="xs" loading={record.isPending}>
              Record the tie
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
