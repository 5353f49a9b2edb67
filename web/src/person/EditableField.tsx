// A field shown as text that becomes an input on click (or Enter): Enter or Save keeps it,
// Escape or Cancel drops the change. The API's message for the field shows beneath it.
import {
  ActionIcon,
  Button,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useWarnBeforeLeaving } from '../app/leave-guard';

export function EditableField(props: {
  label: string;
  value: string;
  placeholder?: string;
  multiline?: boolean;
  display?: ReactNode;
  /** Shown, as a value, when the field is empty: what applies instead (a role's default). */
  emptyText?: string | undefined;
  error?: string | undefined;
  onSave(value: string): void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(props.value);
  useEffect(() => {
    if (!editing) setDraft(props.value);
  }, [props.value, editing]);
  // A failed save reopens the field with what was typed, next to the message.
  useEffect(() => {
    if (props.error) setEditing(true);
  }, [props.error]);

  useWarnBeforeLeaving(editing && draft !== props.value);

  const save = () => {
    setEditing(false);
    if (draft !== props.value) props.onSave(draft);
  };
  const cancel = () => {
    setDraft(props.value);
    setEditing(false);
  };

  if (editing) {
    const Input = props.multiline ? Textarea : TextInput;
    return (
      <Stack gap={4}>
        <Input
          label={props.label}
          value={draft}
          autoFocus
          autosize={props.multiline ? true : undefined}
          minRows={props.multiline ? 6 : undefined}
          onChange={(e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
            setDraft(e.currentTarget.value)
          }
          onKeyDown={(e: React.KeyboardEvent) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              cancel();
            }
            if (e.key === 'Enter' && (!props.multiline || e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            }
          }}
          error={props.error}
          description={props.multiline ? 'Markdown · Ctrl+Enter saves · Escape cancels' : undefined}
        />
        <Group gap="xs">
          <Button size="xs" onClick={save}>
            Save
          </Button>
          <Button size="xs" variant="default" onClick={cancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase">
          {props.label}
        </Text>
        <ActionIcon
          size="sm"
          variant="subtle"
          color="gray"
          aria-label={`Edit ${props.label.toLowerCase()}`}
          onClick={() => setEditing(true)}
        >
          <IconPencil size={14} aria-hidden />
        </ActionIcon>
      </Group>
      {props.display && props.value ? (
        props.display
      ) : (
        <UnstyledButton onClick={() => setEditing(true)}>
          <Text
            size="sm"
            c={props.value || props.emptyText ? undefined : 'dimmed'}
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {props.value || props.emptyText || props.placeholder || 'Add'}
          </Text>
        </UnstyledButton>
      )}
      {props.error && (
        <Text c="red" size="sm" role="alert">
          {props.error}
        </Text>
      )}
    </Stack>
  );
}
