// Loads the sample network into a workspace: the same steps for `kith demo` and the web app's
// first-run screen. It refuses to mix sample people into a network that already has people.
import { KithError } from '../domain/errors.js';
import type { BulkProgress } from '../store/bulk-load.js';
import type { Store } from '../store/store.js';
import { generateNetwork } from './generate-network.js';
import { addSampleCampaign } from './sample-method.js';

/** The sample network both doors load unless told otherwise. */
export { DEMO_DEFAULTS } from './defaults.js';

export interface DemoOptions {
  size: number;
  seed: number;
  interactionsPerPerson: number;
  now: Date;
  /** Add to a workspace that already has people. */
  force?: boolean;
  onProgress?: BulkProgress;
}

export interface DemoResult {
  people: number;
  interactions: number;
  insights: number;
  asks: number;
  knows: number;
}

/** Who the sample network belongs to (Settings can say otherwise at any time). */
export const SAMPLE_USER = {
  name: 'Sam Rivera',
  intro: 'I lead the data team at Bluefin and I am exploring independent consulting.',
};

export async function loadDemo(store: Store, options: DemoOptions): Promise<DemoResult> {
  const counts = await store.counts();
  if (counts.people + counts.archivedPeople > 0 && !options.force) {
    throw new KithError(
      'conflict',
      `This workspace already has ${counts.people} people; the demo would mix sample people with yours. ` +
        'Use another database (KITH_DB=demo.db kith demo) or add --force.',
    );
  }
  const network = generateNetwork({
    size: options.size,
    seed: options.seed,
    interactionsPerPerson: options.interactionsPerPerson,
    today: options.now,
  });
  const loaded = await store.bulkLoad(network, options.onProgress);
  const method = await addSampleCampaign(store, options.now);
  // A sample user too, so every draft of the sample asks reads whole at once; a name and an
  // introduction of the user's own are never replaced.
  const settings = await store.settings.get();
  if (!settings.myName && !settings.myIntro)
    await store.settings.update({ myName: SAMPLE_USER.name, myIntro: SAMPLE_USER.intro });
  return { ...loaded, ...method };
}
