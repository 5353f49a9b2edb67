// Every form in a dialog has the same frame: a titled modal, fields stacked, an error that
// belongs to no single field, then Cancel and the submit button.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

export function FormModal(props: {
  title: string;
  opened?: boolean;
  size?: string;
  error?: string | undefined;
  submitLabel: string;
  submitting: boolean;
  onClose(): void;
  onSubmit(event: FormEvent): void;
  children: ReactNode;
}) {
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={props.opened ?? true}
      onClose={props.onClose}
      title={props.title}
      size={props.size ?? 'lg'}
    >
      <form onSubmit={props.onSubmit} noValidate>
        <Stack gap="sm">
          {props.children}
          {props.error && (
            <Text c="red" size="sm" role="alert">
              {props.error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={props.submitting}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
