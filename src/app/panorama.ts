/**
 * The rooms' 360° photographs in the visit, wired by the app: nothing loads for an exhibition without any; with
 * some, their scene part (markers, photo view) and modes (preview, VR) load in their own chunk once the visit is
 * interactive. The panel's buttons and the markers in the scene do the same thing.
 */
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import { allPanoramas } from '../twin/panorama';
import { PanoramaPanel } from '../ui/panorama-panel';
import '../ui/panorama-panel.css';
import type { PanoramaView, PanoramaViewState } from '../scene/panorama-view';
import type { PanoramaPreview } from '../modes/preview/panorama-preview';
import type { PanoramaVr } from '../modes/vr/panorama-vr';
import type { VrMode } from '../modes/vr/vr-mode';
import type { VisitContext } from './context';
import type { ImmersiveManager } from './immersive';

/** What `window.museumTwin.panorama()` reports: the photo view, and where each marker's badge is. */
export interface PanoramaHookState extends PanoramaViewState {
  markers: { id: string; world: [number, number, number]; x: number; y: number; visible: boolean }[];
  /** In VR, while a photo shows: where its "Back to the 3D twin" button is. */
  vrBack?: [number, number, number];
}

const BACK_WORDS: Record<string, string> = { en: 'Back to the 3D twin', it: 'Torna al gemello 3D', ar: 'العودة إلى النموذج ثلاثي الأبعاد' };

export class PanoramaManager {
  private view?: PanoramaView;
  private preview?: PanoramaPreview;
  private vr?: PanoramaVr;
  private panel?: PanoramaPanel;

  constructor(
    private readonly c: VisitContext,
    private readonly immersive: ImmersiveManager,
  ) {}

  /** Builds the markers and the photo view when the exhibition has panoramas. */
  async start(): Promise<void> {
    const { c } = this;
    const entries = allPanoramas(c.ex).map(({ room, panorama }) => ({ room, panorama }));
    if (!entries.length || !c.gallery || !c.preview) return;
    const [{ PanoramaView }, { PanoramaPreview }] = await Promise.all([import('../scene/panorama-view'), import('../modes/preview/panorama-preview')]);
    const gallery = c.gallery;
    // Phones and headsets: the 4096 px level (two 2048 px tiles); desktops the 8192 px one.
    const small = matchMedia('(pointer: coarse)').matches;
    this.view = new PanoramaView(gallery.scene, entries, {
      resolve: gallery.resolve,
      requestRender: c.requestRender,
      reducedMotion: () => c.reducedMotion.matches,
      maxWidth: small ? 4096 : 8192,
      onProblem: (file, message) => c.addProblem({ path: file, message }),
      labelsIn: (room) => this.labelsIn(room),
    });
    this.preview = new PanoramaPreview(this.view, c.preview, c.ex, () => !this.immersive.active, () => this.render());
    this.panel = new PanoramaPanel({ open: (id) => void this.preview?.go(id), back: () => void this.preview?.back() });
    c.canvas.parentElement?.append(this.panel.element);
    this.render();
    c.locale.onChange(() => this.render());
    c.state.onChange('mode', (ch) => {
      if (ch.value === 'vr') void this.enterVr();
      else if (ch.value === 'ar') this.preview?.close();
    });
    c.requestRender();
  }

  private labelsIn(room: string): AbstractMesh[] {
    const out: AbstractMesh[] = [];
    for (const w of this.c.gallery?.works.values() ?? []) if (w.pose.room === room && w.label.mesh.isEnabled()) out.push(w.label.mesh);
    return out;
  }

  /** A VR session started: the photo of the preview gives way, and VR gets its own way to the photos. */
  private async enterVr(): Promise<void> {
    const mode = this.immersive.vr?.current as VrMode | undefined;
    if (!this.view || !mode) return;
    this.preview?.close();
    const { PanoramaVr } = await import('../modes/vr/panorama-vr');
    const lang = () => this.c.locale.lang.split('-')[0]!;
    const vr = new PanoramaVr(this.view, mode, () => BACK_WORDS[lang()] ?? BACK_WORDS.en!, () => this.render());
    this.vr = vr;
    mode.onExitedObservable.addOnce(() => {
      if (this.vr === vr) this.vr = undefined;
    });
  }

  private render(): void {
    if (!this.panel || !this.view) return;
    const { locale } = this.c;
    const rooms = new Map(this.c.ex.space.rooms.map((r) => [r.id, r]));
    const entries = this.view.list().map(({ room, panorama }) => ({
      id: panorama.id,
      name: panorama.name ? locale.text(panorama.name) : locale.text(rooms.get(room)!.name),
      credit: panorama.credit,
    }));
    // In VR the headset shows its own button; the page shows the viewpoints again once back.
    this.panel.render(locale.lang, entries, this.immersive.active ? undefined : this.view.shown?.id);
    this.c.requestRender();
  }

  /** For the journeys: the photo view's state and where the markers are, on the preview's screen and in the world. */
  hook(): PanoramaHookState | undefined {
    const { view, c } = this;
    if (!view || !c.preview) return undefined;
    const cam = c.preview.visitor.camera;
    const engine = c.engine;
    const viewProjection = cam.getViewMatrix().multiply(cam.getProjectionMatrix(true));
    const viewport = cam.viewport.toGlobal(engine.getRenderWidth(), engine.getRenderHeight());
    const rect = c.canvas.getBoundingClientRect();
    const markers = view.list().map(({ panorama }) => {
      const w = view.markers.badgePoint(panorama.id) ?? Vector3.Zero();
      const p = Vector3.Project(w, Matrix.IdentityReadOnly, viewProjection, viewport);
      return {
        id: panorama.id,
        world: [w.x, w.y, w.z] as [number, number, number],
        x: rect.left + (p.x * rect.width) / engine.getRenderWidth(),
        y: rect.top + (p.y * rect.height) / engine.getRenderHeight(),
        visible: p.z > 0 && p.z < 1,
      };
    });
    return { ...view.state(), markers, vrBack: this.vr?.backPoint() };
  }
}
