// The sample network's size and seed when none is asked for (a module of its own: the CLI
// shows them in its help without loading the generator).
export const DEMO_DEFAULTS = { size: 200, seed: 42, interactionsPerPerson: 6 } as const;
