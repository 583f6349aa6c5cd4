import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimalExhibition } from '../twin/fixtures';

const run = promisify(execFile);
const CLI = path.resolve('src/cli/simulate.ts');
const TSX = path.resolve('node_modules/.bin/tsx');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'simulate-'));
  await writeFile(path.join(dir, 'exhibition.json'), JSON.stringify(minimalExhibition()));
  await writeFile(path.join(dir, 'dim.json'), JSON.stringify({ name: 'dim hall', changes: [{ kind: 'lightLevel', room: 'hall', lux: 50 }] }));
  await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ name: 'bad', changes: [{ kind: 'closeRoom', room: 'crypt' }] }));
  // The live twin's measured light, as GET /api/exhibitions/<id>/what-if/light answers it: sunrise's own sensor.
  const light = { from: '2025-12-07T10:00:00.000Z', to: '2026-12-07T10:00:00.000Z', zones: {}, artworks: { sunrise: { lux: 80, litHours: 2800 } } };
  await writeFile(path.join(dir, 'light.json'), JSON.stringify(light));
  await writeFile(path.join(dir, 'light-elsewhere.json'), JSON.stringify({ ...light, zones: { crypt: { lux: 80, litHours: 2800 } } }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => run(TSX, [CLI, ...args], { cwd: dir, timeout: 120_000 });

describe('npm run simulate', () => {
  it('prints only the results as JSON, in the contract shape, with a scenario compared', async () => {
    const { stdout } = await cli('--exhibition', dir, '--scenario', path.join(dir, 'dim.json'), '--visitors', '40', '--seed', '1', '--json');
    const r = JSON.parse(stdout);
    expect(r.visitors.entered).toBe(40);
    expect(r.visitors.left + r.visitors.inside).toBe(40);
    expect(Object.keys(r.zones)).toEqual(['paintings', 'hall', 'gallery']);
    expect(r.zones.hall).toEqual(expect.objectContaining({ peakOccupancy: expect.any(Number), peakDensity: expect.any(Number), minutesAboveComfort: expect.any(Number) }));
    expect(r.works.sunrise).toEqual(expect.objectContaining({ luxHoursPerYear: 50 * 9 * 313, luxHoursBudget: 600_000 }));
    expect(r.comparison.rows).toContainEqual(expect.objectContaining({ subject: 'sunrise', measure: 'lux-hours a year', verdict: 'better' }));
  }, 150_000);

  it("calibrates the light from the live twin's measurements (--light): 80 lx measured for 9 h on 313 days", async () => {
    const { stdout } = await cli('--exhibition', dir, '--light', path.join(dir, 'light.json'), '--visitors', '10', '--json');
    const r = JSON.parse(stdout);
    expect(r.works.sunrise).toEqual(expect.objectContaining({ lux: 80, luxFrom: 'measured', luxHoursPerYear: 80 * 9 * 313, luxHoursBudget: 600_000 }));
    expect(r.lightCalibration).toEqual({ from: '2025-12-07T10:00:00.000Z', to: '2026-12-07T10:00:00.000Z', zones: [], artworks: ['sunrise'] });
  }, 150_000);

  it('says what is wrong with a scenario and exits 1', async () => {
    const failed = await cli('--exhibition', dir, '--scenario', path.join(dir, 'bad.json'), '--json').then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain("change 1 (closeRoom): there is no room 'crypt'");
    // A light file saved for another exhibition: named before any run.
    const elsewhere = await cli('--exhibition', dir, '--light', path.join(dir, 'light-elsewhere.json'), '--json').catch((e: { code: number; stderr: string }) => e);
    expect(elsewhere).toEqual(expect.objectContaining({ code: 1, stderr: expect.stringContaining("light: no zone 'crypt' in the exhibition") }));
  }, 150_000);
});
