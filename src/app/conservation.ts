/**
 * Conservation: a timeline entry's areas drawn on its work, time-lapses, and the curator view (the floor plan
 * marked by condition while it is open; `?view=curator` opens it).
 */
import { ConditionAreas } from '../scene/condition-areas';
import { timeLapseFor } from '../scene/time-lapse';
import type { ConservationHooks } from '../ui/conservation-panel';
import { CuratorView } from '../ui/curator-view';
import { byId } from '../ui/dom';
import type { VisitContext } from './context';
import type { DrawerManager } from './drawers';
import type { FloorPlanManager } from './floor-plan';

export class ConservationManager {
  conditionAreas?: ConditionAreas;
  readonly curator: CuratorView;

  constructor(
    private readonly c: VisitContext,
    private readonly plan: FloorPlanManager,
    openArtwork: (id: string) => void,
  ) {
    this.curator = new CuratorView(() => ({
      exhibition: c.ex,
      lang: c.locale.lang,
      t: c.locale.t,
      now: () => new Date(),
      openArtwork,
      showOnPlan: (conditions, visible) =>
        plan.minimap?.setConditions(conditions, visible, (id) => {
          const a = c.ex.artworks.find((x) => x.id === id)!;
          const cond = conditions.get(id);
          return `${c.locale.text(a.title)}: ${cond ? c.locale.t.conditions[cond] : c.locale.t.notExamined}`;
        }),
    }));
  }

  /** What the artwork panel's conservation section does in the scene. */
  hooks(): ConservationHooks {
    const c = this.c;
    return {
      showEntry: (id, entry) => {
        const work = c.gallery?.works.get(id);
        if (!work || !c.gallery) return;
        this.conditionAreas ??= new ConditionAreas(c.gallery.scene);
        if (entry) this.conditionAreas.show(work, entry);
        else if (this.conditionAreas.state(null)?.artwork === id) this.conditionAreas.clear();
        c.status.report({ conservationEntry: entry?.id ?? '' });
        c.requestRender();
      },
      timeLapse: (id) => (c.gallery ? timeLapseFor(c.gallery.scene, c.gallery.works.get(id), c.gallery.resolve) : undefined),
      reducedMotion: () => c.reducedMotion.matches,
    };
  }

  /** The floor plan shows conditions while the curator view is open, and goes back to the visitor's plan after. */
  watchCuratorView(drawers: DrawerManager): void {
    let open = false;
    const sync = () => {
      const now = drawers.drawer.isOpen('curator');
      if (now === open) return;
      open = now;
      document.body.classList.toggle('curator-view', open);
      this.c.status.report({ curator: String(open) });
      if (open) this.curator.apply();
      else {
        this.plan.minimap?.setConditions(undefined);
        this.plan.build();
      }
    };
    new MutationObserver(sync).observe(byId('drawer'), { attributes: true, attributeFilter: ['hidden', 'data-kind'] });
    if (new URLSearchParams(location.search).get('view') === 'curator') drawers.toggle('curator', byId('curator-button'));
  }
}
