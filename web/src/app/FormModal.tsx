// Every form in a dialog has the same frame: a titled modal, fields stacked, an error that
// belongs to no single field, then Cancel and the submit button. Once something has been typed
// into it, a stray Escape, click beside the dialog or its close button does not throw the
// typing away: the dialog asks first, and so does the browser before the tab is closed. Cancel
// is the one way to leave it at once.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useWarnBeforeLeaving } from './leave-guard';

export function FormModal(props: {
  title: string;
  size?: string;
  error?: string | undefined;
  submitLabel: string;
  submitting: boolean;
  onClose(): void;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  // Typed into since it opened (any input event inside the form: text, a choice, a box ticked).
  // Every form dialog is mounted when it opens, so this starts afresh each time.
  const [typed, setTyped] = useState(false);
  const [asking, setAsking] = useState(false);
  useWarnBeforeLeaving(typed);
  // The question takes the focus, so a keyboard user answers it next.
  const keepEditing = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) keepEditing.current?.focus();
  }, [asking]);
  const close = () => (typed ? setAsking(true) : props.onClose());
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened
      onClose={close}
      closeOnClickOutside={!typed}
      title={props.title}
      size={props.size ?? 'lg'}
    >
      <form onSubmit={props.onSubmit} onInput={() => setTyped(true)} noValidate>
        <Stack gap="sm">
          {props.children}
          {props.error && (
            <Text c="red" size="sm" role="alert">
              {props.error}
            </Text>
          )}
          {asking ? (
            <Group justify="flex-end" role="alert" aria-label="Close without saving?">
              <Text size="sm" mr="auto">
                Close without saving? What you typed here will be lost.
              </Text>
              <Button variant="default" onClick={() => setAsking(false)} ref={keepEditing}>
                Keep editing
              </Button>
              <Button color="red" onClick={props.onClose}>
                Discard
              </Button>
            </Group>
          ) : (
            <Group justify="flex-end">
              <Button variant="default" onClick={props.onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={props.submitting}>
                {props.submitLabel}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Modal>
  );
}
