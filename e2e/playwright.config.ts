import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './browser';

// E2E_PORT lets two runs share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The project's server on the production build, with a fresh data folder per run. Set here, in the runner,
// so the workers (which load this file again) inherit the same values; specs read the sensor password from
// process.env.MUSEUM_SENSOR_PASSWORD to publish readings as the `sensor` user.
process.env.MUSEUM_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'museum-twin-e2e-'));
process.env.MUSEUM_SENSOR_PASSWORD ??= 'e2e-sensor-password-not-secret';
// The co-curation journeys sign in as `admin` to create their curators through the API.
process.env.MUSEUM_ADMIN_PASSWORD ??= 'e2e-admin-password-not-secret';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '.output/results',
  // Two cores and software WebGL: one browser at a time is faster and steadier.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: '.output/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Software WebGL is bound by pixels: a small window keeps every journey quick.
    viewport: { width: 900, height: 540 },
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npx tsx src/server/main.ts --production',
    cwd: '..',
    env: {
      ...(process.env as Record<string, string>),
      PORT: String(PORT),
      HOST: '127.0.0.1',
      MUSEUM_DATA_DIR: process.env.MUSEUM_E2E_DATA_DIR!,
      MUSEUM_SIMULATOR: 'off',
      MUSEUM_MQTT_PORT: '0',
      MUSEUM_E2E_HOOKS: 'on',
    },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
