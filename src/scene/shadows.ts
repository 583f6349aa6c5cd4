/**
 * Real-time shadows of objects (the `full` tier only): one light from above, as a gallery's ceiling track throws,
 * casting the objects' shadows onto their plinths and the floor. Objects do not move, so the shadow map is drawn
 * once and again only when a model arrives (its refresh rate is "once"): a few draw calls then, none after.
 */
import { DirectionalLight } from '@babylonjs/core/Lights/directionalLight';
import { ShadowGenerator } from '@babylonjs/core/Lights/Shadows/shadowGenerator';
import '@babylonjs/core/Lights/Shadows/shadowGeneratorSceneComponent';
import { RenderTargetTexture } from '@babylonjs/core/Materials/Textures/renderTargetTexture';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Scene } from '@babylonjs/core/scene';
import { KEY } from './shadow-light';

/** Shadow map texels on a side: about 2 cm a texel over a 40 m gallery. */
const MAP_SIZE = 2048;
/**
 * Where the light comes from: down and a little from the front-left, 25° off the vertical, as a ceiling track's
 * spot throws it. Steeper (14°), an object's shadow fell almost wholly under its own foot.
 */
export const SHADOW_DIRECTION = new Vector3(0.3, -1, 0.35).normalize();
/** Room above the highest floor for what casts: the tallest object with its plinth, and the ceiling. */
const HEADROOM = 5;
/**
 * Babylon's PBR divides a punctual light's diffuse by π (Lambert), where the fill's irradiance is already
 * normalised: the light's intensity is the key's share times π, or it gives a third of what was meant.
 */
const INTENSITY = KEY * Math.PI;

export class ObjectShadows {
  private readonly light: DirectionalLight;
  private readonly generator: ShadowGenerator;
  private readonly receivers: AbstractMesh[];
  // Weak: a disposed model's meshes are not held here.
  private readonly casting = new WeakSet<AbstractMesh>();

  constructor(scene: Scene, receivers: AbstractMesh[], casters: AbstractMesh[]) {
    this.light = new DirectionalLight('object-shadows', SHADOW_DIRECTION.clone(), scene);
    const reach = lightReach(worldBounds(receivers), SHADOW_DIRECTION);
    this.light.position = reach.position;
    this.light.shadowMinZ = reach.minZ;
    this.light.shadowMaxZ = reach.maxZ;
    this.light.intensity = INTENSITY;
    this.light.diffuse = new Color3(1, 0.95, 0.88);
    this.light.specular = Color3.Black();
    this.receivers = receivers;
    this.light.includedOnlyMeshes = [...receivers];
    this.generator = new ShadowGenerator(MAP_SIZE, this.light);
    // Percentage-closer filtering: soft edges in one pass (WebGL2).
    this.generator.usePercentageCloserFiltering = true;
    this.generator.filteringQuality = ShadowGenerator.QUALITY_MEDIUM;
    // A fraction of the depth range (about 25 m for the default exhibition): 2.5 cm, under the plinth tops' contact shade.
    this.generator.bias = 0.001;
    this.generator.normalBias = 0.01;
    const map = this.generator.getShadowMap()!;
    map.refreshRate = RenderTargetTexture.REFRESHRATE_RENDER_ONCE;
    // Babylon fits the map's sides to its casters again every frame (a directional light never stops asking for
    // it): eight corners a caster, a plinth each at a thousand works. Fitted once the map is drawn, and again only
    // when casters arrive.
    map.onAfterRenderObservable.add(() => {
      this.light.autoUpdateExtends = false;
    });
    for (const r of receivers) r.receiveShadows = true;
    this.add(casters);
  }

  /** Meshes of an object that has arrived: they cast, and the map is drawn again once. */
  add(meshes: AbstractMesh[]): void {
    // Plinths come again with every arrival: a weak set, not the render list's scan per mesh (a thousand at 1,000 works).
    for (const m of meshes) {
      if (this.casting.has(m) || m.getTotalVertices() === 0) continue;
      this.casting.add(m);
      this.generator.addShadowCaster(m, false);
    }
    this.light.autoUpdateExtends = true;
    this.generator.getShadowMap()!.resetRefreshCounter();
  }

  setEnabled(on: boolean): void {
    this.light.setEnabled(on);
    for (const r of this.receivers) r.receiveShadows = on;
    if (on) this.generator.getShadowMap()!.resetRefreshCounter();
  }
}

/** The world box round meshes (the floors the shadows fall on), raised by what may stand on them. */
function worldBounds(meshes: AbstractMesh[]): { min: Vector3; max: Vector3 } {
  const min = new Vector3(Infinity, Infinity, Infinity);
  const max = new Vector3(-Infinity, -Infinity, -Infinity);
  for (const m of meshes) {
    m.computeWorldMatrix(true);
    const box = m.getBoundingInfo().boundingBox;
    min.minimizeInPlace(box.minimumWorld);
    max.maximizeInPlace(box.maximumWorld);
  }
  if (!meshes.length) return { min: Vector3.Zero(), max: new Vector3(0, HEADROOM, 0) };
  max.y += HEADROOM;
  return { min, max };
}

/**
 * Where a directional light stands and the depth its shadow map covers, for a box to be shadowed whole.
 * Babylon stands a directional light one metre up its direction and takes the camera's near and far (0.05–300 m)
 * as the map's depth: objects on plinths stood above the light and were cut off, and the bias, a share of that
 * range, was 60 cm, so no shadow was drawn. Fitting the depth to the casters alone (`autoCalcShadowZBounds`)
 * leaves the floors beyond the map's far end, where percentage-closer filtering draws no shadow either. So the
 * light stands outside the box, and the depth spans every corner of it: floors, plinths and what stands on them.
 */
export function lightReach(box: { min: Vector3; max: Vector3 }, direction: Vector3): { position: Vector3; minZ: number; maxZ: number } {
  const centre = box.min.add(box.max).scale(0.5);
  const radius = box.max.subtract(box.min).length() / 2;
  const position = centre.subtract(direction.scale(radius + 1));
  const depths: number[] = [];
  for (const x of [box.min.x, box.max.x]) {
    for (const y of [box.min.y, box.max.y]) {
      for (const z of [box.min.z, box.max.z]) depths.push(Vector3.Dot(new Vector3(x, y, z).subtract(position), direction));
    }
  }
  return { position, minZ: Math.max(0.1, Math.min(...depths) - 0.5), maxZ: Math.max(...depths) + 0.5 };
}
