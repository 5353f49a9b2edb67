// Add a person: the few fields that matter at first; the rest is edited on their page.
import { Group, MultiSelect, TagsInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { personCreateSchema, ROLES } from '../../../src/domain/person.js';
import { api } from '../api';
import { FormModal } from '../app/FormModal';
import { apiFieldErrors, validate, type FieldErrors } from '../app/field-errors';
import { ROLE_LABELS } from '../app/format';

const FIELDS = ['displayName', 'organization', 'title', 'emails', 'roles', 'tags'] as const;

export function AddPersonModal({ onClose }: { onClose(): void }) {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const [displayName, setDisplayName] = useState('');
  const [organization, setOrganization] = useState('');
  const [title, setTitle] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [tags, setTags] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});

  const reset = () => {
    setDisplayName('');
    setOrganization('');
    setTitle('');
    setEmail('');
    setRoles([]);
    setTags([]);
    setErrors({});
  };
  const close = () => {
    reset();
    onClose();
  };

  const create = useMutation({
    mutationFn: api.createPerson,
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: ['people'] });
      void queryClient.invalidateQueries({ queryKey: ['stats'] });
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
      queryClient.setQueryData(['person', person.id], person);
      close();
      navigate(`/people/${person.id}`);
    },
    onError: (error) => setErrors(apiFieldErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      displayName,
      ...(organization.trim() ? { organization } : {}),
      ...(title.trim() ? { title } : {}),
      ...(email.trim() ? { emails: [email] } : {}),
      roles,
      tags,
    };
    const checked = validate(personCreateSchema, input);
    if (checked.errors) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    create.mutate(input as Parameters<typeof api.createPerson>[0]);
  };

  return (
    <FormModal
      title="Add a person"
      error={errors.form}
      submitLabel="Add person"
      submitting={create.isPending}
      onClose={close}
      onSubmit={submit}
    >
      <TextInput
        label="Name"
        required
        data-autofocus
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
        error={errors.displayName}
      />
      <Group grow wrap="wrap">
        <TextInput
          label="Organization"
          value={organization}
          onChange={(e) => setOrganization(e.currentTarget.value)}
          error={errors.organization}
          miw={180}
        />
        <TextInput
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          miw={180}
        />
      </Group>
      <TextInput
        label="Email"
        type="email"
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
        error={errors.emails}
      />
      <MultiSelect
        label="Roles"
        description="What they are to you: mentor, connector, work friend…"
        data={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] ?? r }))}
        value={roles}
        onChange={setRoles}
        error={errors.roles}
      />
      <TagsInput
        label="Tags"
        description="Expertise and interests; press Enter after each"
        value={tags}
        onChange={setTags}
        error={errors.tags}
      />
    </FormModal>
  );
}

export default AddPersonModal;
