// The demo's method data: a campaign under way, so Today shows the method at work on the
// first look — a thank-you owed, a chat today, an ask to nudge, one that moved on without
// fuss, someone waiting on the user's answer, the prompt to try one more, an introduction
// received and one being made.
import type { Store } from '../store/store.js';

const DAY = 86_400_000;

export async function addSampleCampaign(store: Store, now: Date): Promise<{ asks: number }> {
  const campaign = await store.campaigns.create({
    name: 'Explore independent consulting',
    aim: 'Find out whether going independent suits me, and how people found their first clients',
    targetChats: 20,
    batchSize: 2,
    tags: ['independent consulting', 'taxes', 'pricing'],
  });
  const people = (
    await store.people.list({ tag: 'independent consulting', limit: 6, sort: 'recent' })
  ).items;
  const at = (daysAgo: number, hour = 10) =>
    new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 11) +
    `${String(hour).padStart(2, '0')}:00:00Z`;
  // Three asks of the campaign (one met, one chat today, one that never got an answer and
  // moves on), and one outside it still waiting for a reply: a nudge is due.
  const plans: { question: string; inCampaign: boolean; steps: Record<string, unknown>[] }[] = [
    {
      question: 'How did you find your first two clients?',
      inCampaign: true,
      steps: [
        { type: 'send', at: at(12) },
        { type: 'reply', at: at(10) },
        { type: 'meet', at: at(1) },
      ],
    },
    {
      question: 'What surprised you about taxes in your first year on your own?',
      inCampaign: true,
      steps: [
        { type: 'send', at: at(6) },
        { type: 'schedule', for: at(0, 16), at: at(4) },
      ],
    },
    {
      question: 'Would you look at my rate card and tell me what you would change?',
      inCampaign: true,
      steps: [{ type: 'send', at: at(16) }],
    },
    {
      question: 'Could you tell me how your team decides on its roadmap?',
      inCampaign: false,
      steps: [{ type: 'send', at: at(9) }],
    },
  ];
  let asks = 0;
  for (const [index, plan] of plans.entries()) {
    const person = people[index];
    if (!person) break;
    const ask = await store.asks.create({
      personId: person.id,
      question: plan.question,
      campaignId: plan.inCampaign ? campaign.id : null,
    });
    for (const step of plan.steps) await store.asks.act(ask.id, step);
    asks += 1;
  }
  // Someone asked the user two days ago: it waits on the user's answer.
  const asker = people[4];
  if (asker) {
    await store.asks.create({
      personId: asker.id,
      question: 'Could we talk for 30 minutes about how you priced your first project?',
      direction: 'incoming',
      askedAt: at(2, 9),
      channel: 'email',
    });
    asks += 1;
  }
  // The chat that happened brought an introduction; and one to give back is under way.
  const others = (await store.people.list({ tag: 'taxes', limit: 3, sort: 'name' })).items;
  const introducer = people[0];
  const introduced = others.find((p) => !people.some((q) => q.id === p.id));
  if (introducer && introduced) {
    await store.introductions.receive({
      introducerId: introducer.id,
      personId: introduced.id,
      reason: 'knows the tax side of going independent',
      campaignId: campaign.id,
      at: at(1, 15),
    });
  }
  const [a, b] = [people[1], people[3]];
  if (a && b) {
    const intro = await store.introductions.propose({
      personA: a.id,
      personB: b.id,
      reason: 'you both moved from a big firm to your own practice',
    });
    await store.introductions.act(intro.id, { type: 'ask-a', at: at(2) });
  }
  return { asks };
}
