/**
 * `npm start` (development: Vite inside the server) and `npm run serve` (the built app in dist/, `--production`).
 * Settings come from the environment; see .notes/readme-live-server.md for each one.
 */
import { relative } from 'node:path';

/** A path as short as it can be said from here. */
const shown = (p: string): string => (relative(process.cwd(), p).startsWith('..') ? p : relative(process.cwd(), p) || '.');
import { ConfigError, configFromEnv } from './config';
import { startServer } from './server';

async function main(): Promise<void> {
  const mode = process.argv.includes('--production') ? 'production' : 'dev';
  const config = configFromEnv(process.env, mode);
  const server = await startServer(config);
  const { credentials } = server;
  console.log(`\n  Museum twin (${mode === 'dev' ? 'development' : 'production build'}) at ${server.url}/`);
  console.log(`  Live twin of ${[...server.exhibitions.keys()].join(', ')}; history in ${config.databaseUrl ? 'PostgreSQL' : shown(config.dataDir)}`);
  if (config.brokerUrl) console.log(`  MQTT: the broker at ${new URL(config.brokerUrl).host}`);
  else {
    console.log(`  MQTT: ws://…/mqtt on this origin${server.mqttPort ? `, and tcp://${config.host}:${server.mqttPort} for sensors` : ''}`);
    console.log(
      credentials.file
        ? `  Sensors publish as user "sensor" with the password kept in ${shown(credentials.file)} (or set MUSEUM_SENSOR_PASSWORD)`
        : '  Sensors publish as user "sensor" with the password in MUSEUM_SENSOR_PASSWORD',
    );
  }
  console.log(config.simulator.enabled ? '  Simulated sensors are on (MUSEUM_SIMULATOR=off for real ones)\n' : '  Simulated sensors are off\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n  ${signal}: closing (readings in flight are written first)…`);
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(`\n  Cannot start: ${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
