// The method's story, replayed through the store day by day: a campaign of 20+ chats, asked
// two at a time from Today's suggestions; some people never answer and their asks move on by
// themselves; chats bring insights and introductions, and the people introduced are asked in
// turn. The campaign's summary must add up.
import { expect, it } from 'vitest';
import type { Person } from '../../src/domain/person.js';
import { describeEachDatabase } from '../support/databases.js';

const DAY = 86_400_000;
const TZ = 'Europe/Lisbon';

describeEachDatabase('a campaign from start to finish', (db) => {
  it(
    'paces two at a time, moves on from silence, and counts chats, insights and introductions',
    { timeout: 120_000 },
    async () => {
      let clock = new Date('2026-03-02T09:00:00Z');
      const store = await db().newStore({ now: () => clock });
      const people: Person[] = [];
      for (let i = 0; i < 19; i += 1) {
        people.push(
          await store.people.create({
            displayName: `Consultant ${String(i).padStart(2, '0')}`,
            tags: ['independent consulting'],
          }),
        );
      }
      const campaign = await store.campaigns.create({
        name: 'Go independent',
        tags: ['independent consulting'],
        targetChats: 20,
        batchSize: 2,
      });
      // Every sixth person never answers (3 of the 19); answers come two days after an ask,
      // chats three days after that; every fourth chat ends with an introduction to someone new,
      // and only with the people introduced can the campaign reach its 20 chats.
      const silent = (name: string) => Number(name.slice(-2)) % 6 === 5;
      const introducedNames: string[] = [];
      let maxOpen = 0;
      for (let day = 0; day < 200; day += 1) {
        clock = new Date(Date.parse('2026-03-02T09:00:00Z') + day * DAY);
        const now = clock.toISOString();
        const asks = await store.asks.list({ campaignId: campaign.id, limit: 1000 });
        for (const ask of asks) {
          const since = (iso: string | null) =>
            iso ? (clock.getTime() - Date.parse(iso)) / DAY : -1;
          if (ask.state === 'sent' && since(ask.sentAt) >= 2 && !silent(ask.personName)) {
            await store.asks.act(ask.id, { type: 'reply', at: now });
          } else if (ask.state === 'replied' && since(ask.repliedAt) >= 3) {
            const chat = await store.interactions.create({
              occurredAt: now,
              kind: 'coffee',
              summary: `Chat: ${ask.question}`,
              participantIds: [ask.personId],
              insights: ['Price by the project, not the hour'],
            });
            await store.asks.act(ask.id, { type: 'meet', interactionId: chat.id, at: now });
            await store.asks.act(ask.id, { type: 'thank', at: now });
            const met = (await store.asks.list({ campaignId: campaign.id, state: 'thanked' }))
              .length;
            if (met % 4 === 0) {
              const name = `Introduced ${String(introducedNames.length).padStart(2, '0')}`;
              introducedNames.push(name);
              await store.introductions.receive({
                introducerId: ask.personId,
                newPerson: { displayName: name, tags: ['independent consulting'] },
                askId: ask.id,
                at: now,
              });
            }
          }
        }
        const today = await store.agenda({ fallbackTimeZone: TZ });
        const pacing = today.items.find((i) => i.kind === 'pacing');
        if (pacing?.kind === 'pacing') {
          const stillOpen = (
            await store.asks.list({ campaignId: campaign.id, limit: 1000 })
          ).filter((a) => ['sent', 'replied', 'scheduled'].includes(a.state)).length;
          for (const s of pacing.suggestions.slice(0, 2 - stillOpen)) {
            const ask = await store.asks.create({
              personId: s.id,
              question: 'How did you find your first client?',
              campaignId: campaign.id,
            });
            await store.asks.act(ask.id, { type: 'send', at: now });
          }
        }
        const open = (await store.asks.list({ campaignId: campaign.id, limit: 1000 })).filter((a) =>
          ['sent', 'replied', 'scheduled'].includes(a.state),
        ).length;
        maxOpen = Math.max(maxOpen, open);
        const [current] = (await store.campaigns.list()).filter((c) => c.id === campaign.id);
        if (current && current.progress.met >= 20 && current.progress.open === 0) break;
      }

      const [done] = await store.campaigns.list();
      const p = done?.progress;
      expect(maxOpen).toBe(2);
      expect(p?.met).toBe(20);
      expect(p?.open).toBe(0);
      // Every silent person's ask moved on without anyone chasing it.
      const asks = await store.asks.list({ campaignId: campaign.id, limit: 1000 });
      const movedOn = asks.filter((a) => a.state === 'moved-on');
      expect(movedOn.length).toBeGreaterThanOrEqual(2);
      expect(movedOn.every((a) => silent(a.personName))).toBe(true);
      expect(p?.movedOn).toBe(movedOn.length);
      expect(p?.asked).toBe(asks.length);
      expect(p?.asked).toBe(20 + movedOn.length);
      expect(p?.responseRate).toBeCloseTo(20 / (20 + movedOn.length), 10);
      expect(p?.medianDaysToReply).toBe(2);
      expect(p?.insights).toBe(20);
      expect(p?.introductions).toBe(5);
      expect(introducedNames).toHaveLength(5);
      // The people introduced were asked in their turn.
      const askedIntroduced = asks.filter((a) => a.personName.startsWith('Introduced'));
      expect(askedIntroduced.map((a) => [a.personName, a.state])).toEqual(
        ['Introduced 03', 'Introduced 02', 'Introduced 01', 'Introduced 00'].map((n) => [
          n,
          'thanked',
        ]),
      );
      expect(movedOn).toHaveLength(3);
    },
  );
});
