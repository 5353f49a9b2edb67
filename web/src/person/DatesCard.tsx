// A person's dates that matter: a birthday, anniversaries, named dates, each every year or
// once. Added in a line ("1986-12-11", or "12-11" without the year), removed with one click.
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { readDay, writeDay, type PersonDate } from '../../../src/domain/person-dates.js';

const KINDS = [
  { value: 'birthday', label: 'Birthday' },
  { value: 'anniversary', label: 'Anniversary' },
  { value: 'other', label: 'Another date' },
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "11 December 1986", or "11 December" without the year. */
function spoken(on: string): string {
  const day = readDay(on);
  if (!day) return on;
  return `${day.day} ${MONTHS[day.month - 1] ?? ''}${day.year === null ? '' : ` ${day.year}`}`;
}

function describe(d: PersonDate): string {
  const what = d.kind === 'birthday' ? 'Birthday' : (d.label ?? 'Anniversary');
  return `${what}: ${spoken(d.on)}${d.yearly ? '' : ' (once)'}`;
}

export function DatesCard(props: {
  dates: PersonDate[];
  error?: string | undefined;
  onSave(dates: PersonDate[]): void;
}) {
  const [kind, setKind] = useState<PersonDate['kind']>('birthday');
  const [label, setLabel] = useState('');
  const [on, setOn] = useState('');
  const [yearly, setYearly] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const hasBirthday = props.dates.some((d) => d.kind === 'birthday');
  // One birthday: once there is one, a new date is another kind.
  const chosen = hasBirthday && kind === 'birthday' ? 'anniversary' : kind;

  const add = (event: FormEvent) => {
    event.preventDefault();
    // "12-11" is a day without its year, kept as vCard writes it: --12-11.
    const day = readDay(on);
    if (!day) {
      setProblem('Write the date as 1986-12-11, or 12-11 without the year.');
      return;
    }
    if (chosen === 'other' && !label.trim()) {
      setProblem('Say what the date is: “moved to Lisbon”.');
      return;
    }
    setProblem(null);
    props.onSave([
      ...props.dates,
      {
        kind: chosen,
        label: chosen === 'birthday' ? null : label.trim() || null,
        on: writeDay(day),
        yearly: chosen !== 'other' || yearly,
      },
    ]);
    setOn('');
    setLabel('');
  };

  return (
    <Card withBorder padding="md">
      <Title order={2} size="h4" mb="sm">
        Dates
      </Title>
      {props.dates.length === 0 ? (
        <Text size="sm" c="dimmed" mb="xs">
          No dates yet: a birthday, a work anniversary, the day they moved. Today names them a few
          days ahead.
        </Text>
      ) : (
        <List size="sm" spacing={4} mb="xs" aria-label="Dates">
          {props.dates.map((d, i) => (
            <List.Item key={`${d.kind}-${d.on}-${i}`}>
              <Group gap={4} wrap="nowrap">
                <Text size="sm">{describe(d)}</Text>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove ${describe(d)}`}
                  onClick={() => props.onSave(props.dates.filter((_, n) => n !== i))}
                >
                  <IconX size={14} aria-hidden />
                </ActionIcon>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <form onSubmit={add} noValidate>
        <Stack gap="xs">
          <Group gap="xs" align="flex-end" wrap="wrap">
            <NativeSelect
              label="Kind"
              data={KINDS.filter((k) => k.value !== 'birthday' || !hasBirthday)}
              value={chosen}
              onChange={(e) => setKind(e.currentTarget.value as PersonDate['kind'])}
            />
            {chosen !== 'birthday' && (
              <TextInput
                label="What"
                placeholder="work anniversary"
                value={label}
                onChange={(e) => setLabel(e.currentTarget.value)}
              />
            )}
            <TextInput
              label="Date"
              placeholder="1986-12-11 or 12-11"
              value={on}
              onChange={(e) => setOn(e.currentTarget.value)}
              error={problem ?? props.error}
            />
            <Button type="submit" variant="default">
              Add the date
            </Button>
          </Group>
          {chosen === 'other' && (
            <Checkbox
              label="Every year"
              checked={yearly}
              onChange={(e) => setYearly(e.currentTarget.checked)}
            />
          )}
        </Stack>
      </form>
    </Card>
  );
}
