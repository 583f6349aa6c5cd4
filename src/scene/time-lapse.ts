/**
 * A work's states over time (before and after a restoration, successive scans), blended in the scene:
 * paintings cross-fade the state images on the canvas, objects cross-fade the state models' visibility.
 * Any mode drives it (the preview panel's slider, the VR panel, the AR labels); a state's media is
 * fetched only when the visitor first moves toward it.
 */
import { Observable } from '@babylonjs/core/Misc/observable';
import { loadModelLimited, textureLimited } from './limited-load';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture';
import type { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';
import { dominantState, stateWeights } from '../twin/conservation';
import type { TimeLapseState } from '../twin/schema';
import type { SceneArtwork } from './artworks';

export interface TimeLapseInfo {
  artwork: string;
  position: number;
  /** The state shown most. */
  shown: string;
  weights: number[];
  playing: boolean;
  /** The position the scene shows now (states load on first use, so it may lag `position`). */
  applied: number;
  /** A state's media that could not be loaded (the state then shows the work as it is now). */
  failed: string[];
}

/** Seconds a blend from one state to the next takes when playing, and the pause on each state. */
const BLEND_SECONDS = 2.4;
const HOLD_SECONDS = 1;

type Layer = { kind: 'texture'; texture: BaseTexture } | { kind: 'meshes'; meshes: AbstractMesh[] };

export class TimeLapseView {
  readonly states: TimeLapseState[];
  /** Fires with the position whenever it changes (slider, play, another mode). */
  readonly onChange = new Observable<number>();
  private position: number;
  private readonly layers = new Map<number, Promise<Layer>>();
  private readonly failed = new Set<string>();
  private overlay?: Mesh;
  private overlayMat?: PBRMaterial;
  private current?: Layer;
  private play?: Observer<Scene>;
  private applying = Promise.resolve();
  private applied: number;

  constructor(
    private readonly scene: Scene,
    private readonly work: SceneArtwork,
    private readonly resolve: (path: string) => string,
  ) {
    this.states = work.artwork.timeLapse?.states ?? [];
    // The work as it stands is the last state.
    this.position = this.states.length - 1;
    this.applied = this.position;
  }

  /** A time-lapse needs the work's own media in the scene (still loading is fine; not a placeholder, restricted or withheld work). */
  static available(work: SceneArtwork | undefined): boolean {
    return !!work && (work.state === 'ready' || work.state === 'loading') && (work.artwork.timeLapse?.states.length ?? 0) >= 2;
  }

  info(): TimeLapseInfo {
    const weights = stateWeights(this.position, this.states.length);
    return {
      artwork: this.work.artwork.id,
      position: this.position,
      shown: this.states[dominantState(this.position, this.states.length)]?.id ?? '',
      weights,
      playing: !!this.play,
      applied: this.applied,
      failed: [...this.failed],
    };
  }

  get at(): number {
    return this.position;
  }

  /** Moves to a position (0 = first state … n − 1 = last); resolves when what it shows is on screen. */
  setPosition(p: number): Promise<void> {
    const n = this.states.length;
    this.position = Math.min(Math.max(Number.isFinite(p) ? p : 0, 0), n - 1);
    this.onChange.notifyObservers(this.position);
    const target = this.position;
    // Positions apply in order, so a slow first load never overwrites a later position.
    this.applying = this.applying.then(() => (this.position === target ? this.apply(target) : undefined));
    return this.applying;
  }

  /** Plays from the current state to the last (from the first if already at the end); `cut` jumps state to state. */
  startPlaying(cut: boolean): void {
    this.stopPlaying();
    const n = this.states.length;
    if (this.position >= n - 1) void this.setPosition(0);
    let hold = HOLD_SECONDS;
    let busy = false;
    this.play = this.scene.onBeforeRenderObservable.add(() => {
      if (busy) return;
      // Real time, so a slow device blends at the same pace (in fewer frames); a stall does not jump a state.
      const dt = Math.min(this.scene.getEngine().getDeltaTime() / 1000, 0.5);
      const atState = Math.abs(this.position - Math.round(this.position)) < 1e-6;
      if (atState && hold > 0) {
        hold -= dt;
        return;
      }
      if (this.position >= n - 1) {
        this.stopPlaying();
        return;
      }
      const next = cut ? Math.floor(this.position + 1e-6) + 1 : Math.min(Math.floor(this.position + 1e-6) + 1, this.position + dt / BLEND_SECONDS);
      if (Math.abs(next - Math.round(next)) < 1e-6) hold = HOLD_SECONDS;
      busy = true;
      void this.setPosition(next).finally(() => (busy = false));
    });
    this.onChange.notifyObservers(this.position);
  }

  stopPlaying(): void {
    if (!this.play) return;
    this.scene.onBeforeRenderObservable.remove(this.play);
    this.play = undefined;
    this.onChange.notifyObservers(this.position);
  }

  get playing(): boolean {
    return !!this.play;
  }

  private reality = false;

  /**
   * In AR the twin is hidden and the real work shows itself: away from the present the time-lapse draws the
   * earlier state over the real work (just in front of its occluder); at the present it draws nothing.
   */
  overReality(on: boolean): void {
    if (this.reality === on) return;
    this.reality = on;
    void this.setPosition(this.position);
  }

  // ---------------------------------------------------------------- blending

  private async apply(p: number): Promise<void> {
    // The work's own media first: it is the present state, and what the others blend with.
    while (this.work.state === 'loading') await new Promise<void>((r) => this.scene.onAfterRenderObservable.addOnce(() => r()));
    if (this.work.state !== 'ready') return;
    const weights = stateWeights(p, this.states.length);
    const shown = weights.map((w, k) => (w > 0 ? k : -1)).filter((k) => k >= 0);
    const layers = await Promise.all(shown.map((k) => this.layer(k)));
    if (this.work.artwork.kind === 'painting') this.blendPainting(layers, shown.map((k) => weights[k]!));
    else this.blendObject(weights, new Map(shown.map((k, j) => [k, layers[j]!])));
    this.applied = p;
  }

  /** The work as it is now: its own image or model, captured before any state is shown. */
  private present(): Layer {
    if (!this.current) {
      if (this.work.artwork.kind === 'painting') {
        // The image stays at the level it has now: the states blend with this very texture.
        this.work.holdImage?.();
        const mat = this.canvas()?.material as PBRMaterial | null;
        this.current = { kind: 'texture', texture: mat!.albedoTexture! };
      } else {
        this.current = { kind: 'meshes', meshes: this.work.origin.getChildMeshes(false).filter((m) => !m.metadata?.annotationId && !m.metadata?.conditionArea) };
      }
    }
    return this.current;
  }

  private layer(k: number): Promise<Layer> {
    let p = this.layers.get(k);
    if (!p) {
      p = this.loadLayer(k);
      this.layers.set(k, p);
    }
    return p;
  }

  private async loadLayer(k: number): Promise<Layer> {
    const present = this.present();
    const st = this.states[k]!;
    const file = this.work.artwork.kind === 'painting' ? st.image : st.model;
    if (!file) return present;
    const url = this.resolve(file);
    try {
      if (this.work.artwork.kind === 'painting') {
        // Within the image limits, decoded off the main thread (limited-load.ts).
        const texture = await textureLimited(url, this.scene);
        texture.anisotropicFilteringLevel = 4;
        return { kind: 'texture', texture };
      }
      const container = await loadModelLimited(url, this.scene);
      container.addAllToScene();
      for (const node of container.rootNodes) node.parent = this.work.origin;
      for (const g of container.animationGroups) g.stop();
      for (const m of container.meshes) {
        m.metadata = { ...(m.metadata ?? {}), artworkId: this.work.artwork.id, timeLapseState: st.id };
        m.setEnabled(false);
      }
      return { kind: 'meshes', meshes: container.meshes };
    } catch {
      // The state shows the work as it is now; the panel says which state is missing.
      this.failed.add(st.id);
      return present;
    }
  }

  private canvas(): Mesh | null {
    return this.scene.getMeshByName(`canvas:${this.work.artwork.id}`) as Mesh | null;
  }

  /** The canvas shows the earlier state; a copy just in front fades in the later one. */
  private blendPainting(layers: Layer[], weights: number[]): void {
    const canvas = this.canvas();
    const mat = canvas?.material as PBRMaterial | null;
    if (!canvas || !mat) return;
    const atPresent = this.position >= this.states.length - 1 - 1e-6;
    if (this.reality) {
      canvas.setEnabled(!atPresent);
      canvas.isVisible = !atPresent;
    } else if (!canvas.isVisible) canvas.isVisible = true;
    // Over the real work (AR), in front of the depth-only box that stands for it.
    canvas.position.z = this.reality ? 0.003 : 0;
    if (this.overlay) this.overlay.position.z = canvas.position.z + 0.002;
    const base = layers[0] as Extract<Layer, { kind: 'texture' }>;
    mat.albedoTexture = base.texture;
    mat.emissiveTexture = base.texture;
    const next = layers[1] as Extract<Layer, { kind: 'texture' }> | undefined;
    if (!next || weights[1]! <= 0 || (this.reality && atPresent)) {
      this.overlay?.setEnabled(false);
      return;
    }
    if (!this.overlay) {
      this.overlay = canvas.clone(`time-lapse:${this.work.artwork.id}`, canvas.parent) as Mesh;
      this.overlay.position.z += 0.002;
      this.overlay.isPickable = false;
      this.overlayMat = mat.clone(`time-lapse-mat:${this.work.artwork.id}`);
      this.overlayMat.transparencyMode = 2; // alpha blend
      this.overlay.material = this.overlayMat;
    }
    this.overlayMat!.albedoTexture = next.texture;
    this.overlayMat!.emissiveTexture = next.texture;
    this.overlayMat!.alpha = weights[1]!;
    this.overlay.isVisible = true;
    this.overlay.setEnabled(true);
  }

  private blendObject(weights: number[], layers: Map<number, Layer>): void {
    const present = this.present() as Extract<Layer, { kind: 'meshes' }>;
    // Each distinct set of meshes gets the sum of the weights of the states that show it.
    const totals = new Map<AbstractMesh[], number>([[present.meshes, 0]]);
    for (const [k, layer] of layers) if (layer.kind === 'meshes') totals.set(layer.meshes, (totals.get(layer.meshes) ?? 0) + weights[k]!);
    for (const p of this.layers.values()) void p.then((l) => l.kind === 'meshes' && !totals.has(l.meshes) && l.meshes.forEach((m) => m.setEnabled(false)));
    const atPresent = this.position >= this.states.length - 1 - 1e-6;
    for (const [meshes, w] of totals) {
      for (const m of meshes) {
        // In AR the real object is the present; earlier states draw over it, after the depth-only twin.
        const show = w > 0.001 && !(this.reality && atPresent);
        m.setEnabled(show);
        m.isVisible = show || !this.reality;
        m.renderingGroupId = this.reality ? 1 : 0;
        m.visibility = w >= 0.999 ? 1 : w;
      }
    }
  }
}

const views = new WeakMap<SceneArtwork, TimeLapseView>();

/** The one time-lapse of a work, shared by every mode (so VR and the preview agree on what is shown). */
export function timeLapseFor(scene: Scene, work: SceneArtwork | undefined, resolve: (path: string) => string): TimeLapseView | undefined {
  if (!work || !TimeLapseView.available(work)) return undefined;
  let v = views.get(work);
  if (!v) {
    v = new TimeLapseView(scene, work, resolve);
    views.set(work, v);
  }
  return v;
}
