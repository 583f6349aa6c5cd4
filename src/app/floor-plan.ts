/**
 * The floor plan: rooms and works from the model, where the visitor stands, the selected work, favourites,
 * and (in the curator view) conditions.
 */
import { artworkPose } from '../twin/layout';
import { byId } from '../ui/dom';
import { Minimap, type MapRoom, type MapWork } from '../ui/minimap';
import type { VisitContext } from './context';

export class FloorPlanManager {
  minimap?: Minimap;

  constructor(
    private readonly c: VisitContext,
    private readonly openArtwork: (id: string) => void,
  ) {
    c.state.onChange('selected', (ch) => {
      if (c.state.mode === 'preview') this.minimap?.setSelected(ch.value);
    });
  }

  /** Builds (or relabels, in the current language) the plan. */
  build(): void {
    const { ex, locale, state } = this.c;
    const rooms: MapRoom[] = ex.space.rooms.map((r) => ({ ...r, label: locale.text(r.name) }));
    if (!rooms.length) return;
    const works: MapWork[] = ex.artworks.map((a) => {
      // From the model, not the scene: asking the scene for a far work would build its room at once.
      const p = artworkPose(ex, a);
      return { id: a.id, at: [p.position[0], p.position[2]], label: locale.text(a.title) };
    });
    if (!this.minimap) {
      this.minimap = new Minimap(byId('map-svg'), rooms, works, { goTo: (p, room) => void this.c.preview?.goToPoint(p, room), openArtwork: this.openArtwork }, locale.t.youAreHere);
    }
    this.minimap.relabel(rooms, works, locale.t.youAreHere, (name) => locale.fill(locale.t.goToRoom, { room: name }));
    this.minimap.setSelected(state.mode === 'preview' ? state.selected : undefined);
  }

  /** Keeps the "you are here" marker with the preview's camera (at most ten times a second, after frames). */
  followViewer(): void {
    const { gallery, preview } = this.c;
    if (!gallery || !preview) return;
    let lastMap = 0;
    gallery.scene.onAfterRenderObservable.add(() => {
      const now = performance.now();
      if (now - lastMap < 100) return;
      lastMap = now;
      const pose = preview.pose();
      this.minimap?.setViewer([pose.position[0], pose.position[2]], pose.heading);
    });
  }
}
