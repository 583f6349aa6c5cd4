import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

/**
 * Babylon's packages share classes and side-effect registrations with @babylonjs/core: a gui, loaders, serializers
 * or viewer built against another core version can miss or duplicate what it expects. So every @babylonjs/* package
 * is pinned to one version that all of them have on the registry (issue 20, "Align the engine").
 */
const readJson = (name: string) => JSON.parse(readFileSync(new URL(`../../${name}`, import.meta.url), 'utf8'));

interface Manifest { [field: string]: Record<string, string> | undefined }
const FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

function babylonPins(manifest: Manifest): [string, string][] {
  return FIELDS.flatMap((field) => Object.entries(manifest[field] ?? {})).filter(([name]) => name.startsWith('@babylonjs/'));
}

describe('the engine packages', () => {
  const pins = babylonPins(readJson('package.json'));
  const version = pins[0]?.[1];

  it('are all pinned in package.json to one exact version', () => {
    expect(pins.map(([name]) => name)).toContain('@babylonjs/core');
    for (const [name, range] of pins) expect(range, `${name} is pinned exactly`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Object.fromEntries(pins), 'every @babylonjs/* package on one version').toEqual(
      Object.fromEntries(pins.map(([name]) => [name, version])),
    );
  });

  it('are installed at that version, with no second copy of any of them', () => {
    // The lockfile is what `npm ci` installs: a nested copy (a package bringing its own core) is drift too.
    const installed = Object.entries(readJson('package-lock.json').packages as Record<string, { version: string }>)
      .filter(([where]) => /(^|\/)node_modules\/@babylonjs\/[^/]+$/.test(where))
      .map(([where, p]) => [where, p.version]);
    expect(installed.map(([where]) => where)).toEqual(expect.arrayContaining(pins.map(([name]) => `node_modules/${name}`)));
    expect(Object.fromEntries(installed)).toEqual(Object.fromEntries(installed.map(([where]) => [where, version])));
  });
});
