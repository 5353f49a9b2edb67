// Ways to reach someone in one click, from what is stored about them — their emails, phone
// numbers, messaging handles and LinkedIn profile — each as the link a browser or a phone
// opens: mailto, tel, sms, wa.me… With a drafted message, the text is filled in where the
// channel allows it (an email's body, an SMS, WhatsApp, Threema); elsewhere it is copied.
import { z } from 'zod';

/** The messaging services a handle can name, each with how its value is written. */
export const HANDLE_SERVICES = {
  whatsapp: 'a phone number with its country code (+351 912 345 678)',
  signal: 'a phone number with its country code',
  telegram: 'a username (@dana) or a phone number with its country code',
  threema: 'a Threema ID of 8 letters and digits',
  matrix: 'a Matrix ID (@dana:matrix.org)',
  skype: 'a Skype name',
  discord: 'a Discord username',
  x: 'an X (Twitter) username (@dana)',
} as const;
export type HandleService = keyof typeof HANDLE_SERVICES;
const SERVICES = Object.keys(HANDLE_SERVICES) as HandleService[];

/** "telegram:@dana", as typed: the service (any case), a colon, the name or number. */
export const handleSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const m = /^([a-z]+)\s*:\s*(\S.{0,199})$/i.exec(text);
    const service = m?.[1]?.toLowerCase() as HandleService | undefined;
    if (!m || !service || !SERVICES.includes(service)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not a messaging handle: write service:name, e.g. telegram:@dana (${SERVICES.join(', ')})`,
      });
      return z.NEVER;
    }
    const value = (m[2] ?? '').trim();
    if (!valueFits(service, value)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}": a ${service} handle is ${HANDLE_SERVICES[service]}`,
      });
      return z.NEVER;
    }
    return `${service}:${value}`;
  });

/** A number as it is dialled: without an extension ("ext 12", "x12"). */
const dialable = (phone: string) => phone.replace(/\s*(ext\.?|x)\s*\d+$/i, '');
const digitsOf = (phone: string) => dialable(phone).replace(/\D/g, '');
/** A number written with its country code: the only kind wa.me and signal.me can open. */
const international = (phone: string) =>
  /^\+/.test(phone.trim()) && digitsOf(phone).length >= 8 && digitsOf(phone).length <= 15;

function valueFits(service: HandleService, value: string): boolean {
  switch (service) {
    case 'whatsapp':
    case 'signal':
      return international(value);
    case 'telegram':
      return international(value) || /^@?[a-z0-9_]{5,32}$/i.test(value);
    case 'threema':
      return /^[a-z0-9*]{8}$/i.test(value);
    case 'matrix':
      return /^@[^:\s]+:[a-z0-9.-]+$/i.test(value);
    case 'x':
      return /^@?[a-z0-9_]{1,15}$/i.test(value);
    default:
      return value.length > 0 && !/\s/.test(value);
  }
}

export type Channel = 'email' | 'call' | 'sms' | HandleService | 'linkedin';

export interface Way {
  channel: Channel;
  /** What the button says: "Email", "WhatsApp"… */
  label: string;
  /** Whom it goes to, as the user knows them: the address, number or handle. */
  to: string;
  href: string;
  /** The message is in the link; otherwise it is for the clipboard. */
  prefilled: boolean;
}

const LABELS: Record<Channel, string> = {
  email: 'Email',
  call: 'Call',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  signal: 'Signal',
  telegram: 'Telegram',
  threema: 'Threema',
  matrix: 'Matrix',
  skype: 'Skype',
  discord: 'Discord',
  x: 'X',
  linkedin: 'LinkedIn',
};

const q = encodeURIComponent;

/**
 * Every way to reach a person, the first email and number first; with a message, its text in
 * each link that can carry it. Discord has no link to a person: it is not offered.
 */
export function waysToReach(
  person: {
    emails: readonly string[];
    phones: readonly string[];
    handles: readonly string[];
    linkedin: string | null;
  },
  message?: { subject?: string; text: string },
): Way[] {
  const ways: Way[] = [];
  const add = (channel: Channel, to: string, href: string, prefilled = false) =>
    ways.push({ channel, label: LABELS[channel], to, href, prefilled });
  const text = message?.text ?? '';
  for (const email of person.emails.slice(0, 1)) {
    const params = [
      ...(message?.subject ? [`subject=${q(message.subject)}`] : []),
      ...(text ? [`body=${q(text)}`] : []),
    ];
    add('email', email, `mailto:${email}${params.length ? `?${params.join('&')}` : ''}`, !!text);
  }
  const phone = person.phones[0];
  if (phone) {
    const number = `${/^\+/.test(phone.trim()) ? '+' : ''}${digitsOf(phone)}`;
    add('call', phone, `tel:${number}`);
    add('sms', phone, `sms:${number}${text ? `?&body=${q(text)}` : ''}`, !!text);
  }
  const handles = person.handles.map((h) => {
    const at = h.indexOf(':');
    return { service: h.slice(0, at) as HandleService, value: h.slice(at + 1) };
  });
  // WhatsApp by its handle, else by the first number written with its country code.
  const whatsapp =
    handles.find((h) => h.service === 'whatsapp')?.value ?? person.phones.find(international);
  if (whatsapp)
    add(
      'whatsapp',
      whatsapp,
      `https://wa.me/${digitsOf(whatsapp)}${text ? `?text=${q(text)}` : ''}`,
      !!text,
    );
  for (const { service, value } of handles) {
    const href = handleLink(service, value, text);
    if (service !== 'whatsapp' && href) add(service, value, href, service === 'threema' && !!text);
  }
  if (person.linkedin) add('linkedin', person.linkedin, person.linkedin);
  return ways;
}

function handleLink(service: HandleService, value: string, text: string): string | null {
  switch (service) {
    case 'signal':
      return `https://signal.me/#p/+${digitsOf(value)}`;
    case 'telegram':
      return international(value)
        ? `https://t.me/+${digitsOf(value)}`
        : `https://t.me/${value.replace(/^@/, '')}`;
    case 'threema':
      return `https://threema.id/${value.toUpperCase()}${text ? `?text=${q(text)}` : ''}`;
    case 'matrix':
      return `https://matrix.to/#/${value}`;
    case 'skype':
      return `skype:${value}?chat`;
    case 'x':
      return `https://x.com/${value.replace(/^@/, '')}`;
    default:
      return null;
  }
}
