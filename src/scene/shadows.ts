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

/** Shadow map texels on a side: about 2 cm a texel over a 40 m gallery. */
const MAP_SIZE = 2048;
/** The shadow light's strength: what its shadow takes away from floors and plinths. */
const INTENSITY = 0.45;
/**
 * The shadow light's share of a floor's light where it falls unshadowed (the sky light and the environment give
 * the floor about 1.2 at the same scale): the floor's baked level is lowered by this much while it shines, so the
 * full tier's floors are no brighter than the baked tier's, only shadowed.
 */
export const SHADOW_SHARE = INTENSITY / (1.2 + INTENSITY);

export class ObjectShadows {
  private readonly light: DirectionalLight;
  private readonly generator: ShadowGenerator;
  private readonly receivers: AbstractMesh[];

  constructor(scene: Scene, receivers: AbstractMesh[], casters: AbstractMesh[]) {
    // Steeply down, a little from the front-left, as from a ceiling track.
    this.light = new DirectionalLight('object-shadows', new Vector3(0.15, -1, 0.2).normalize(), scene);
    this.light.intensity = INTENSITY;
    this.light.diffuse = new Color3(1, 0.95, 0.88);
    this.light.specular = Color3.Black();
    this.receivers = receivers;
    this.light.includedOnlyMeshes = [...receivers];
    this.generator = new ShadowGenerator(MAP_SIZE, this.light);
    // Percentage-closer filtering: soft edges in one pass (WebGL2).
    this.generator.usePercentageCloserFiltering = true;
    this.generator.filteringQuality = ShadowGenerator.QUALITY_MEDIUM;
    this.generator.bias = 0.002;
    this.generator.normalBias = 0.01;
    this.generator.getShadowMap()!.refreshRate = RenderTargetTexture.REFRESHRATE_RENDER_ONCE;
    for (const r of receivers) r.receiveShadows = true;
    this.add(casters);
  }

  /** Meshes of an object that has arrived: they cast, and the map is drawn again once. */
  add(meshes: AbstractMesh[]): void {
    for (const m of meshes) if (m.getTotalVertices() > 0) this.generator.addShadowCaster(m, false);
    this.generator.getShadowMap()!.resetRefreshCounter();
  }

  setEnabled(on: boolean): void {
    this.light.setEnabled(on);
    for (const r of this.receivers) r.receiveShadows = on;
    if (on) this.generator.getShadowMap()!.resetRefreshCounter();
  }
}
