/**
 * The live twin as the immersive modes see it: the latest snapshot and each alert event, handed down by the app
 * (src/app/live-view.ts publishes, src/app/immersive.ts puts the feed on the modes' host). The modes never talk to
 * the broker themselves; they observe this, as they observe Babylon's own `on…Observable`s.
 */
import { Observable } from '@babylonjs/core/Misc/observable';
import type { Alert, AlertEvent, ArtworkState, LiveSnapshot } from '../../twin/live/contract';

export class XrLiveFeed {
  /** The snapshot changed (a new one arrived, or an alert event was merged into it). */
  readonly onSnapshotChangedObservable = new Observable<LiveSnapshot | undefined>();
  /** An alert was raised or cleared (after the snapshot it belongs to was published). */
  readonly onAlertObservable = new Observable<AlertEvent>();
  private current?: LiveSnapshot;
  private crowding = false;

  /** The latest snapshot, or undefined before the first (or where there is no server). */
  get snapshot(): LiveSnapshot | undefined {
    return this.current;
  }

  /** Whether the visitor turned crowding on (the *Live* toggle): the 3D floor and the visit planner follow it. */
  get crowdingShown(): boolean {
    return this.crowding;
  }

  /** The *Live* toggle changed: observers of the snapshot hear it (what they show depends on both). */
  showCrowding(on: boolean): void {
    if (on === this.crowding) return;
    this.crowding = on;
    this.onSnapshotChangedObservable.notifyObservers(this.current);
  }

  /** What the app calls on every update of its live view. */
  publish(snapshot: LiveSnapshot | undefined, event?: AlertEvent): void {
    this.current = snapshot;
    this.onSnapshotChangedObservable.notifyObservers(snapshot);
    if (event) this.onAlertObservable.notifyObservers(event);
  }

  /** The active alerts that name a work (by the alert's works, or the work's own list). */
  alertsAt(id: string): Alert[] {
    const s = this.current;
    const w: ArtworkState | undefined = s?.artworks[id];
    return s ? s.alerts.filter((a) => a.artworks.includes(id) || (w?.alerts.includes(a.id) ?? false)) : [];
  }
}

/** One feed per visit: the app's live view and its immersive modes find the same one by the visit they share. */
const feeds = new WeakMap<object, XrLiveFeed>();
export function liveFeedFor(visit: object): XrLiveFeed {
  let f = feeds.get(visit);
  if (!f) feeds.set(visit, (f = new XrLiveFeed()));
  return f;
}
