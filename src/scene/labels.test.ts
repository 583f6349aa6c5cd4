import { describe, expect, it } from 'vitest';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { Scene } from '@babylonjs/core/scene';
import { labelType, WallLabel } from './labels';

/** Pixels a letter of `size` metres covers seen from `distance` on a view `viewHeight` pixels high at vertical field of view `fov`. */
const pixels = (size: number, distance: number, viewHeight: number, fov: number): number => (size / distance) * (viewHeight / (2 * Math.tan(fov / 2)));

describe('wall labels', () => {
  it('sizes the title to be read from 1.5 m on a 1080-pixel view at the preview’s field of view', () => {
    const label = new WallLabel('label:test', new Scene(new NullEngine()));
    const type = labelType(label.width, label.height);
    // The preview's camera (modes/preview/visitor-camera.ts) has a vertical field of view of 1.05 rad.
    expect(pixels(type.title, 1.5, 1080, 1.05)).toBeGreaterThanOrEqual(18);
    expect(pixels(type.body, 1.5, 1080, 1.05)).toBeGreaterThanOrEqual(12);
    expect(type.title).toBeGreaterThan(type.body);
    // Still a label, not a poster: no larger than an A5 card.
    expect(label.width * label.height).toBeLessThanOrEqual(0.148 * 0.21 * 2.1);
  });

  it('draws its text only once it is woken, and lights itself like paper (no lights needed)', () => {
    const scene = new Scene(new NullEngine());
    const label = new WallLabel('label:test', scene);
    label.draw({ title: 'Harbour Lights', lines: ['Ana Lind (1901–1980)', '1931', 'Oil on canvas'] });
    expect(label.awake).toBe(false);
    const material = label.mesh.material as unknown as { disableLighting: boolean; diffuseTexture: unknown; emissiveColor: { r: number } };
    expect(material.disableLighting).toBe(true);
    expect(material.emissiveColor.r).toBeGreaterThan(0.9);
    expect(material.diffuseTexture).toBeFalsy();
    expect(label.current?.title).toBe('Harbour Lights');
  });

  it('lets its texture go while asleep, and draws the same text again when woken', () => {
    const scene = new Scene(new NullEngine());
    const label = new WallLabel('label:test', scene);
    label.draw({ title: 'Harbour Lights', lines: ['Ana Lind (1901–1980)'] });
    label.wake();
    const material = label.mesh.material as unknown as { diffuseTexture: unknown };
    expect(scene.textures.filter((t) => t.name === 'label:test-text')).toHaveLength(1);
    label.sleep();
    expect(label.awake).toBe(false);
    expect(material.diffuseTexture).toBeFalsy();
    expect(scene.textures.filter((t) => t.name === 'label:test-text')).toHaveLength(0);
    label.wake();
    expect(material.diffuseTexture).toBeTruthy();
    expect(label.current?.title).toBe('Harbour Lights');
  });
});
