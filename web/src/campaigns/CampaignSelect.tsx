// Choose one of the user's campaigns, or none: the new-ask form, the board's filter and the
// introduction form all pick from the same list.
import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';

export function CampaignSelect(props: {
  label: string;
  /** What the empty choice means here: "None", "All asks". */
  noneLabel: string;
  value: string;
  onChange(campaignId: string): void;
  error?: string | undefined;
}) {
  const campaigns = useQuery({ queryKey: ['campaigns'], queryFn: api.campaigns });
  return (
    <NativeSelect
      label={props.label}
      data={[
        { value: '', label: props.noneLabel },
        ...(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name })),
      ]}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      error={props.error}
    />
  );
}
