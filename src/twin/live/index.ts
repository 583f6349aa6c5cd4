/**
 * The live twin's pure model: the wire contract, sensor message parsing, each work's environmental needs,
 * lux-hour budgets, the alert engine and the LiveTwin that holds one exhibition's live state.
 * No Node, no DOM: the server (src/server/) and the browser's live layer import from here.
 */
export * from './contract';
export * from './sensor-message';
export * from './needs';
export * from './light-budget';
export * from './alerts';
export * from './rolling-spread';
export * from './places';
export * from './live-twin';
