/**
 * The server's settings, from the environment (names kept exactly as README documents them) or from a test.
 * Every value is validated here, so a typo in a deployment stops the start with a sentence, not a stack trace.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DEFAULT_EXHIBITION = resolve(ROOT, 'assets/default/exhibition.json');

export interface ServerConfig {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** `dev`: Vite in middleware mode over the sources; `production`: the built files in `distDir`. */
  readonly mode: 'dev' | 'production';
  /** false: only the API and the broker, no app files (the server's own tests). */
  readonly serveApp: boolean;
  readonly distDir: string;
  readonly dataDir: string;
  /** Exhibition files whose live twin this server keeps (the first is the default). */
  readonly exhibitions: readonly string[];
  /** MQTT over TCP for real sensors; 0 turns it off (browsers still use WebSocket at /mqtt). */
  readonly mqttPort: number;
  /** The `sensor` user's password; when absent one is generated and kept in the data folder. */
  readonly sensorPassword: string | undefined;
  /** An existing broker (mqtt:// or ws://) instead of the embedded one. */
  readonly brokerUrl: string | undefined;
  readonly brokerBrowserUrl: string | undefined;
  readonly brokerUsername: string | undefined;
  readonly brokerPassword: string | undefined;
  /** postgres://… for history in PostgreSQL; SQLite in the data folder otherwise. */
  readonly databaseUrl: string | undefined;
  /** redis://… joins several server instances' co-curation drafts (Hocuspocus's Redis extension). */
  readonly redisUrl: string | undefined;
  readonly simulator: { readonly enabled: boolean; readonly seed: number | undefined; readonly intervalMs: number };
  /** A zone with no reading for this long says "no data since …". */
  readonly staleAfterMinutes: number;
  /** How long a limit must stay crossed (or recovered) before an alert is raised (or cleared). */
  readonly alertMinDurationSeconds: number;
  /**
   * Raw readings are kept this many days when set (the hourly and daily rollups and the lux-hours for good);
   * unset, every accepted reading is kept, as the live twin promises.
   */
  readonly rawHistoryDays: number | undefined;
  /** How often the live twin re-evaluates time-based rules (staleness, minimum durations). */
  readonly tickMs: number;
  /** Shortest gap between two snapshot publishes of one exhibition. */
  readonly snapshotMs: number;
  /** Test hooks the e2e journeys need (a "next build" service worker); never on in a deployment. */
  readonly e2eHooks: boolean;
  /** false silences the start-up lines (tests). */
  readonly log: boolean;
}

const port = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be between 0 and 65535`)
    .max(65535, `${name} must be between 0 and 65535`);

const url = (name: string, schemes: readonly string[]) =>
  z
    .string()
    .refine((s) => URL.canParse(s) && schemes.includes(new URL(s).protocol), `${name} must be a URL starting with ${schemes.map((p) => `${p}//`).join(' or ')}`);

const onOff = (name: string) =>
  z
    .string()
    .transform((s) => s.trim().toLowerCase())
    .refine((s) => ['on', 'off', '1', '0', 'true', 'false', 'yes', 'no'].includes(s), `${name} must be on or off`)
    .transform((s) => ['on', '1', 'true', 'yes'].includes(s));

const Env = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port('PORT').default(5173),
  MUSEUM_DATA_DIR: z.string().min(1).default('data'),
  MUSEUM_EXHIBITIONS: z.string().optional(),
  MUSEUM_MQTT_PORT: port('MUSEUM_MQTT_PORT').default(1883),
  MUSEUM_SENSOR_PASSWORD: z.string().min(12, 'MUSEUM_SENSOR_PASSWORD must be at least 12 characters long').optional(),
  MUSEUM_BROKER_URL: url('MUSEUM_BROKER_URL', ['mqtt:', 'mqtts:', 'ws:', 'wss:']).optional(),
  MUSEUM_BROKER_BROWSER_URL: url('MUSEUM_BROKER_BROWSER_URL', ['ws:', 'wss:']).optional(),
  MUSEUM_BROKER_USERNAME: z.string().optional(),
  MUSEUM_BROKER_PASSWORD: z.string().optional(),
  MUSEUM_DATABASE_URL: url('MUSEUM_DATABASE_URL', ['postgres:', 'postgresql:']).optional(),
  MUSEUM_REDIS_URL: url('MUSEUM_REDIS_URL', ['redis:', 'rediss:']).optional(),
  MUSEUM_SIMULATOR: onOff('MUSEUM_SIMULATOR').default(true),
  MUSEUM_SIMULATOR_SEED: z.coerce.number().int('MUSEUM_SIMULATOR_SEED must be a whole number').optional(),
  MUSEUM_SIMULATOR_INTERVAL_MS: z.coerce.number().int().min(100, 'MUSEUM_SIMULATOR_INTERVAL_MS must be at least 100').default(5000),
  MUSEUM_STALE_AFTER_MINUTES: z.coerce.number({ error: 'MUSEUM_STALE_AFTER_MINUTES must be a number' }).positive('MUSEUM_STALE_AFTER_MINUTES must be above 0').default(15),
  MUSEUM_ALERT_MIN_DURATION_SECONDS: z.coerce.number({ error: 'MUSEUM_ALERT_MIN_DURATION_SECONDS must be a number' }).min(0, 'MUSEUM_ALERT_MIN_DURATION_SECONDS must be 0 or more').default(300),
  // At least 2 days: a restart rebuilds the 24 h fluctuation windows from raw readings.
  MUSEUM_RAW_HISTORY_DAYS: z.coerce
    .number({ error: 'MUSEUM_RAW_HISTORY_DAYS must be a number of days' })
    .min(2, 'MUSEUM_RAW_HISTORY_DAYS must be at least 2 (the 24 h fluctuation windows are rebuilt from raw readings)')
    .optional(),
  MUSEUM_E2E_HOOKS: onOff('MUSEUM_E2E_HOOKS').default(false),
  OUT_DIR: z.string().min(1).default('dist'),
});

/** Thrown for a setting that cannot work; main.ts prints the message alone. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the settings from environment variables (empty strings count as unset). */
export function configFromEnv(env: NodeJS.ProcessEnv, mode: ServerConfig['mode']): ServerConfig {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const e = parsed.data;
  if (e.MUSEUM_BROKER_URL && !e.MUSEUM_BROKER_BROWSER_URL && !/^wss?:/.test(e.MUSEUM_BROKER_URL)) {
    throw new ConfigError(
      'MUSEUM_BROKER_BROWSER_URL must be set with an mqtt:// MUSEUM_BROKER_URL: browsers reach a broker only over WebSocket (ws:// or wss://).',
    );
  }
  return resolveConfig({
    host: e.HOST,
    port: e.PORT,
    mode,
    distDir: e.OUT_DIR,
    dataDir: e.MUSEUM_DATA_DIR,
    exhibitions: e.MUSEUM_EXHIBITIONS?.split(',').map((s) => s.trim()).filter(Boolean),
    mqttPort: e.MUSEUM_MQTT_PORT,
    sensorPassword: e.MUSEUM_SENSOR_PASSWORD,
    brokerUrl: e.MUSEUM_BROKER_URL,
    brokerBrowserUrl: e.MUSEUM_BROKER_BROWSER_URL,
    brokerUsername: e.MUSEUM_BROKER_USERNAME,
    brokerPassword: e.MUSEUM_BROKER_PASSWORD,
    databaseUrl: e.MUSEUM_DATABASE_URL,
    redisUrl: e.MUSEUM_REDIS_URL,
    simulator: { enabled: e.MUSEUM_SIMULATOR, seed: e.MUSEUM_SIMULATOR_SEED, intervalMs: e.MUSEUM_SIMULATOR_INTERVAL_MS },
    staleAfterMinutes: e.MUSEUM_STALE_AFTER_MINUTES,
    alertMinDurationSeconds: e.MUSEUM_ALERT_MIN_DURATION_SECONDS,
    rawHistoryDays: e.MUSEUM_RAW_HISTORY_DAYS,
    e2eHooks: e.MUSEUM_E2E_HOOKS,
  });
}

/** Fills in defaults for a partial configuration (tests pass only what they care about). */
export function resolveConfig(c: Partial<Omit<ServerConfig, 'exhibitions'>> & { exhibitions?: readonly string[] | undefined }): ServerConfig {
  const exhibitions = c.exhibitions?.length ? c.exhibitions : [DEFAULT_EXHIBITION];
  return {
    host: c.host ?? '127.0.0.1',
    port: c.port ?? 5173,
    mode: c.mode ?? 'dev',
    serveApp: c.serveApp ?? true,
    distDir: resolve(ROOT, c.distDir ?? 'dist'),
    dataDir: resolve(c.dataDir ?? resolve(ROOT, 'data')),
    exhibitions: exhibitions.map((p) => resolve(p)),
    mqttPort: c.mqttPort ?? 1883,
    sensorPassword: c.sensorPassword,
    brokerUrl: c.brokerUrl,
    brokerBrowserUrl: c.brokerBrowserUrl,
    brokerUsername: c.brokerUsername,
    brokerPassword: c.brokerPassword,
    databaseUrl: c.databaseUrl,
    redisUrl: c.redisUrl,
    simulator: c.simulator ?? { enabled: false, seed: undefined, intervalMs: 5000 },
    staleAfterMinutes: c.staleAfterMinutes ?? 15,
    alertMinDurationSeconds: c.alertMinDurationSeconds ?? 300,
    rawHistoryDays: c.rawHistoryDays,
    tickMs: c.tickMs ?? 1000,
    snapshotMs: c.snapshotMs ?? 500,
    e2eHooks: c.e2eHooks ?? false,
    log: c.log ?? true,
  };
}
