// The export the import benchmarks read: a LinkedIn .zip as LinkedIn writes it, generated.
import { zipSync } from 'fflate';

const OWNER = 'Alex Owner,https://www.linkedin.com/in/alex-owner';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A LinkedIn export as LinkedIn writes it: preamble, CRLF, some emails, some mojibake. */
function connectionsCsv(n: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < n; i += 1) {
    const family = i % 97 === 0 ? `CuriÃ©${i}` : `Family${i}`;
    const email = i % 3 === 0 ? `person${i}@example.com` : '';
    const date = `${String((i % 28) + 1).padStart(2, '0')} ${MONTHS[i % 12]} ${2015 + (i % 10)}`;
    lines.push(
      `Given${i},${family},https://www.linkedin.com/in/person-${i},${email},"Company ${i % 800}, Inc",Role ${i % 60},${date}`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * messages.csv as LinkedIn writes it: conversations of ten messages between the owner and one
 * connection, a message or two a day, back and forth, each ~90 characters.
 */
function messagesCsv(n: number, connections: number): string {
  const lines = [
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
  ];
  for (let m = 0; m < n; m += 1) {
    const c = Math.floor(m / 10);
    const k = m % 10;
    const other = `Given${c % connections} Family${c % connections},https://www.linkedin.com/in/person-${c % connections}`;
    const [from, to] = k % 2 === 0 ? [other, OWNER] : [OWNER, other];
    const day = new Date(
      Date.UTC(2020, 0, 1) +
        ((c * 7) % 2000) * 86_400_000 +
        Math.floor(k / 3) * 86_400_000 +
        k * 600_000,
    );
    const date = `${day.toISOString().slice(0, 10)} ${day.toISOString().slice(11, 19)} UTC`;
    lines.push(
      `2-conv${c}==,,${from},${to},${date},,"Message ${m}: thanks for the chat about careers, data and how you got there.",INBOX`,
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** The .zip: Connections.csv of `rows` people and, unless 0, messages.csv of `messages`. */
export function linkedinExport(rows: number, messages: number): Uint8Array {
  const encode = (text: string) => new TextEncoder().encode(text);
  return zipSync({
    'Basic_LinkedInDataExport/Connections.csv': encode(connectionsCsv(rows)),
    ...(messages > 0
      ? { 'Basic_LinkedInDataExport/messages.csv': encode(messagesCsv(messages, rows)) }
      : {}),
  });
}
