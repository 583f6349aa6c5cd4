import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { SpotLight } from '@babylonjs/core/Lights/spotLight';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { UniversalCamera } from '@babylonjs/core/Cameras/universalCamera';
import { definesInOrder, shareProgramsAcrossDefineOrder } from './effect-order';

/** Two walls of one material kind: the first lit by one light and then two (as when a room's spotlight comes on), the second by two from the start. */
async function programsFor(share: boolean): Promise<number> {
  const engine = new NullEngine();
  if (share) shareProgramsAcrossDefineOrder(engine);
  const scene = new Scene(engine);
  new UniversalCamera('eye', new Vector3(0, 1.6, -5), scene);
  new HemisphericLight('sky', new Vector3(0, 1, 0), scene);
  const spot = new SpotLight('spot', new Vector3(0, 3, 0), new Vector3(0, -1, 0), Math.PI / 3, 2, scene);
  spot.setEnabled(false);
  const paint = () => {
    const m = new PBRMaterial('plaster', scene);
    m.metallic = 0;
    m.roughness = 1;
    return m;
  };
  const first = CreateBox('wall-a', {}, scene);
  first.material = paint();
  await scene.whenReadyAsync();
  scene.render();
  spot.setEnabled(true);
  first.material.markDirty();
  const second = CreateBox('wall-b', {}, scene);
  second.material = paint();
  scene.render();
  await scene.whenReadyAsync();
  scene.render();
  expect(first.isReady(true) && second.isReady(true)).toBe(true);
  const programs = Object.keys((engine as unknown as { _compiledEffects: Record<string, unknown> })._compiledEffects).filter((k) => k.startsWith('pbr'));
  engine.dispose();
  return programs.length;
}

describe('one shader program per set of defines', () => {
  it('puts #define lines in one order, and leaves anything else as it is', () => {
    expect(definesInOrder('#define B\n#define A 2\n')).toBe('#define A 2\n#define B\n');
    expect(definesInOrder('#define B\n#define A\n')).toBe(definesInOrder('#define A\n#define B\n'));
    expect(definesInOrder('#define B\n#if X\n#define A\n#endif\n')).toBe('#define B\n#if X\n#define A\n#endif\n');
  });

  it('a wall that met its lights in another order finds the program already compiled', async () => {
    // Without it Babylon compiles the same program twice (three PBR programs: one light, then two lights twice).
    expect(await programsFor(false)).toBe(3);
    expect(await programsFor(true)).toBe(2);
  });
});
