// The People list's saved views in the menu, under People: each opens the list with its filters.
import { NavLink } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api } from '../api';

export function SavedViewLinks(props: { current: string | null; onNavigate(): void }) {
  const views = useQuery({ queryKey: ['views'], queryFn: api.views });
  return (
    <>
      {(views.data ?? []).map((view) => (
        <NavLink
          key={view.slug}
          component={Link}
          href={`/people?view=${encodeURIComponent(view.slug)}`}
          label={view.name}
          leftSection={<IconFilter size={14} aria-hidden />}
          pl="xl"
          active={props.current === view.slug}
          aria-current={props.current === view.slug ? 'page' : undefined}
          onClick={props.onNavigate}
        />
      ))}
    </>
  );
}
