/**
 * `window.museumTwin`: what e2e journeys and benchmarks read and drive. Names and shapes are part of the
 * tests' contract: keep them.
 */
import { EYE_HEIGHT } from '../twin/layout';
import type { SceneProblem } from '../scene/gallery';
import { timeLapseFor, type TimeLapseInfo } from '../scene/time-lapse';
import type { ConditionAreas } from '../scene/condition-areas';
import type { PerfProbe } from '../scene/perf-probe';
import type { ArMode } from '../modes/ar/ar-mode';
import type { VrMode } from '../modes/vr/vr-mode';
import { sceneCounts, type SceneCounts } from '../modes/xr/lifetime';
import type { VisitContext } from './context';
import type { ConservationManager } from './conservation';
import type { DrawerManager } from './drawers';
import type { ImmersiveManager } from './immersive';
import type { RenderOnDemand } from './render-on-demand';
import type { PresenceCost, TogetherState } from './together-state';
import type { PanoramaHookState } from './panorama';

/** What the hooks report, typed once here for the journeys (e2e/) and benchmarks (bench/) that read them. */
export type ArState = ReturnType<ArMode['state']>;
export type ArStats = ReturnType<ArMode['stats']>;
export type VrViewer = NonNullable<ReturnType<VrMode['viewer']>>;
export type VrPanelState = ReturnType<VrMode['panelState']>;
export type VrStats = ReturnType<VrMode['stats']>;
export type ConservationState = ReturnType<ConditionAreas['state']>;
export type { TimeLapseInfo };

export interface TestHooks {
  ready: boolean;
  /** Visit together: the group, who is in it, the avatars drawn (src/app/together.ts). */
  together?: () => TogetherState;
  /** Visit together's presence drawn or not (given), and its own CPU time so far: for bench/together-page.ts. */
  togetherPresence?: (shown?: boolean) => PresenceCost;
  selected?: string;
  viewer: () => { position: [number, number, number]; heading: number; room?: string };
  screenPoint: (id: string) => { x: number; y: number; visible: boolean } | undefined;
  problems: () => SceneProblem[];
  /** The Babylon scene, for tests and benchmarks that read its instrumentation. */
  scene: () => unknown;
  /** Frame statistics (SceneInstrumentation), loaded on first use: for benchmarks and budget tests. */
  perf: () => Promise<PerfProbe>;
  /** Puts the visitor at a floor point facing a heading (test and benchmark set-up). */
  place: (position: [number, number, number], heading: number) => void;
  /** Whether a work shows its media, a placeholder, or the restricted statement. */
  workState: (id: string) => string | undefined;
  /** The title printed on a work's wall label. */
  wallLabel?: (id: string) => string | undefined;
  /** Holds the 3D view still (tests that need the page's thread, e.g. an accessibility audit). */
  pauseRendering?: (paused: boolean) => void;
  /** Frames drawn and skipped by rendering on demand since the start. */
  renderCounts?: () => { drawn: number; skipped: number };
  /** The conservation timeline entry whose areas are shown on its work, with their screen points (0–1). */
  conservation?: () => ConservationState;
  /** A work's time-lapse: position, the state shown most, blend weights. */
  timeLapse?: (id: string) => TimeLapseInfo | undefined;
  /** In VR: the headset's pose (feet, heading), the open panel, named GUI controls' world points, and render stats. */
  xrViewer?: () => VrViewer | undefined;
  xrPanel?: () => VrPanelState;
  xrControl?: (name: string) => [number, number, number] | undefined;
  xrStats?: () => VrStats | undefined;
  /** In AR: registration, labels (world positions), panel, and draw calls; `arAct` drives it like a tap. */
  ar?: () => ArState | undefined;
  arStats?: () => ArStats | undefined;
  arControl?: (name: string) => [number, number, number] | undefined;
  arAct?: (action: 'tap' | 'realign' | 'exit' | 'animation', id?: string) => void;
  /** The running WebXR session (VR or AR), for tests that end it from outside the app, as a headset's menu does. */
  xrSession?: () => XRSession | undefined;
  /** Leaves VR or AR through the mode's own Exit (what its Exit button does). */
  xrExit?: () => Promise<void>;
  /** The scene's meshes, nodes, materials, textures and observers: what entering and leaving XR must not grow. */
  sceneCounts?: () => SceneCounts | undefined;
  /** A painting's image level: the ladder's longest sides (px), the level shown, and the screen pixels it covers. */
  imageLevel?: (id: string) => { shown: number; sizes: number[]; pixels: number } | undefined;
  /** The rooms' 360° photographs: the photo shown, its levels and tiles, the markers' screen and world points. */
  panorama?: () => PanoramaHookState | undefined;
  /** The graphics quality in use and what it draws (lightmaps, picture-light pools, objects' shade, real-time shadows). */
  look?: () => { quality: string; lightmaps: number; pools: number; shades: number; shadows: boolean } | undefined;
}

declare global {
  interface Window {
    museumTwin?: TestHooks;
  }
}

/** Installs `window.museumTwin` (not yet `ready`) and returns it. */
export function installTestHooks(
  c: VisitContext,
  parts: { drawers: DrawerManager; conservation: ConservationManager; immersive: ImmersiveManager; render: RenderOnDemand },
): TestHooks {
  const { drawers, conservation, immersive, render } = parts;
  const hooks: TestHooks = {
    ready: false,
    get selected() {
      return c.state.selected;
    },
    viewer: () => {
      const p = c.preview!.pose();
      return { position: p.position, heading: p.heading, room: c.preview!.currentRoom() };
    },
    screenPoint: (id) => c.preview?.screenPoint(id),
    problems: () => [...drawers.problems],
    scene: () => c.gallery?.scene,
    perf: () => import('../scene/perf-probe').then((m) => m.probe(c.gallery!.scene)),
    place: (position, heading) => {
      const v = c.preview!.visitor;
      v.stop();
      v.camera.position.set(position[0], position[1] + EYE_HEIGHT, position[2]);
      v.face(heading);
      c.requestRender();
    },
    workState: (id) => c.gallery?.works.get(id)?.state,
    wallLabel: (id) => c.gallery?.works.get(id)?.label.current?.title,
    pauseRendering: (paused) => render.pause(paused),
    renderCounts: () => ({ ...render.counts }),
    conservation: () => conservation.conditionAreas?.state(c.gallery?.scene.activeCamera ?? null),
    timeLapse: (id) => c.gallery && timeLapseFor(c.gallery.scene, c.gallery.works.get(id), c.gallery.resolve)?.info(),
    xrViewer: () => immersive.vr?.current?.viewer(),
    xrPanel: () => immersive.vr?.current?.panelState(),
    xrControl: (name) => immersive.vr?.current?.controlPoint(name),
    xrStats: () => immersive.vr?.current?.stats(),
    ar: () => immersive.ar?.current?.state(),
    arStats: () => immersive.ar?.current?.stats(),
    arControl: (name) => immersive.ar?.current?.controlPoint(name),
    xrSession: () => immersive.session(),
    xrExit: async () => {
      await immersive.vr?.current?.exit();
      await immersive.ar?.current?.exit();
    },
    sceneCounts: () => (c.gallery ? sceneCounts(c.gallery.scene) : undefined),
    imageLevel: (id) => c.gallery?.detail.level(id),
    look: () => c.gallery?.look.state(),
    arAct: (action, id) => {
      const m = immersive.ar?.current;
      if (action === 'tap') m?.tapForTest();
      else if (action === 'realign') m?.realign();
      else if (action === 'exit') void m?.exit();
      else if (id) void m?.toggleAnimation(id);
    },
  };
  window.museumTwin = hooks;
  return hooks;
}
