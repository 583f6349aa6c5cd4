import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GetEnvInfo } from '@babylonjs/core/Misc/environmentTextureTools';
import { DEFAULT_ENVIRONMENT } from './lighting';

const ENV = resolve(import.meta.dirname, '../../public/env');

describe('the baked environment light (npm run bake:environment)', () => {
  it('is what the app loads by default', () => {
    expect(DEFAULT_ENVIRONMENT).toMatch(/env\/gallery\.env$/);
  });

  it('was baked from the .hdr as it is now (a changed .hdr must be baked again)', () => {
    const sidecar = JSON.parse(readFileSync(`${ENV}/gallery.env.json`, 'utf8')) as { sourceSha256: string };
    const hdr = readFileSync(`${ENV}/gallery.hdr`);
    expect(sidecar.sourceSha256, 'run `npm run bake:environment`').toBe(createHash('sha256').update(hdr).digest('hex'));
  });

  it('is a prefiltered Babylon .env with irradiance and every roughness level', () => {
    const info = GetEnvInfo(new Uint8Array(readFileSync(`${ENV}/gallery.env`)));
    expect(info, 'a Babylon .env header').not.toBeNull();
    expect(info!.width).toBe(128);
    // One mip per level from 128 px down to 1 px: the roughness levels the PBR materials read.
    expect(info!.specular.mipmaps.length).toBe(8 * 6);
    expect(info!.irradiance, 'spherical harmonics for the diffuse light').toBeTruthy();
  });
});
