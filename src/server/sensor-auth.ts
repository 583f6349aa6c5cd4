/**
 * Who may publish readings: the MQTT user `sensor` with a password. When the deployment gives none
 * (MUSEUM_SENSOR_PASSWORD), a strong one is generated once and kept in the data folder, readable by the owner only.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SENSOR_USER = 'sensor';
export const PASSWORD_FILE = 'sensor-password';

export interface SensorCredentials {
  readonly username: typeof SENSOR_USER;
  readonly password: string;
  /** Where the generated password is kept; undefined when it came from the environment. */
  readonly file: string | undefined;
}

/** The given password, or the one kept in `dataDir` (made on first start). */
export function sensorCredentials(dataDir: string, given: string | undefined): SensorCredentials {
  if (given) return { username: SENSOR_USER, password: given, file: undefined };
  const file = join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 12) {
      chmodSync(file, 0o600);
      return { username: SENSOR_USER, password: kept, file };
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its mode on write
  return { username: SENSOR_USER, password, file };
}

const digest = (s: string | Buffer): Buffer => createHash('sha256').update(s).digest();

/** Constant-time check (hashes first, so the lengths never differ). */
export function isSensor(creds: SensorCredentials, username: string | undefined, password: Buffer | string | undefined): boolean {
  if (username !== SENSOR_USER || password === undefined) return false;
  return timingSafeEqual(digest(password), digest(creds.password));
}
