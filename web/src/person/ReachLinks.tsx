// Ways to reach someone in one click (domain/reach.ts): email, call, SMS, WhatsApp, Signal,
// Telegram… from what is stored about them; with a drafted message, its text goes with it
// where the channel allows, and is copied where it does not.
import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconBrandLinkedin,
  IconBrandTelegram,
  IconBrandWhatsapp,
  IconMail,
  IconMessage,
  IconMessageCircle,
  IconPhone,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { waysToReach, type Channel } from '../../../src/domain/reach.js';

const ICONS: Partial<Record<Channel, ReactNode>> = {
  email: <IconMail size={16} aria-hidden />,
  call: <IconPhone size={16} aria-hidden />,
  sms: <IconMessage size={16} aria-hidden />,
  whatsapp: <IconBrandWhatsapp size={16} aria-hidden />,
  telegram: <IconBrandTelegram size={16} aria-hidden />,
  linkedin: <IconBrandLinkedin size={16} aria-hidden />,
};

export function ReachLinks(props: {
  person: Parameters<typeof waysToReach>[0] & { displayName: string };
  message?: { subject?: string; text: string };
  label?: string;
}) {
  const ways = waysToReach(props.person, props.message);
  if (ways.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={props.label ?? 'Reach them'}>
      {ways.map((way) => (
        <Button
          key={`${way.channel}:${way.to}`}
          component="a"
          href={way.href}
          target={way.href.startsWith('https:') ? '_blank' : undefined}
          rel="noopener noreferrer"
          size="compact-sm"
          variant="light"
          leftSection={ICONS[way.channel] ?? <IconMessageCircle size={16} aria-hidden />}
          aria-label={`${way.label} ${props.person.displayName} (${way.to})`}
          title={way.to}
          onClick={() => {
            // Where the link cannot carry the message, it waits on the clipboard.
            if (props.message && !way.prefilled && way.channel !== 'call')
              void navigator.clipboard
                ?.writeText(props.message.text)
                .then(() =>
                  notifications.show({ message: `Message copied: paste it into ${way.label}.` }),
                )
                .catch(() => undefined);
          }}
        >
          {way.label}
        </Button>
      ))}
    </Group>
  );
}
