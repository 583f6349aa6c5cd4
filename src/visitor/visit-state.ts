/**
 * The one owner of the visit's state: the selected work, the tour and its stop, the mode (preview, VR, AR) and
 * the language. Everything that shows or changes these (panel, floor plan, preview, VR, AR, the `#status`
 * element) goes through here and subscribes to its changes; nobody reads them back from the page.
 */
import type { VisitMode } from '../twin/schema';
import type { Locale } from '../i18n/locale';

/** Where the visitor is in a tour: its id and the index of the current stop. */
export interface TourPosition {
  readonly id: string;
  readonly index: number;
}

/** Who made a change (so that e.g. the preview flies to a work the visitor opened, but not to one VR opened). */
export type ChangeOrigin = 'preview' | 'vr' | 'ar' | 'link' | 'tour' | 'restore';

/** One change to the visit's state, with its value before and after. */
export type VisitChange =
  | { key: 'selected'; value: string | undefined; previous: string | undefined; origin: ChangeOrigin }
  | { key: 'tour'; value: TourPosition | undefined; previous: TourPosition | undefined; origin: ChangeOrigin }
  | { key: 'mode'; value: VisitMode; previous: VisitMode; origin: ChangeOrigin }
  | { key: 'lang'; value: string; previous: string; origin: ChangeOrigin };

export type VisitKey = VisitChange['key'];
export type VisitListener<K extends VisitKey = VisitKey> = (change: Extract<VisitChange, { key: K }>) => void;

export class VisitState {
  private selectedId: string | undefined;
  private tourAt: TourPosition | undefined;
  private modeNow: VisitMode = 'preview';
  private readonly listeners = new Set<{ key?: VisitKey; fn: (c: VisitChange) => void }>();

  /** @param locale the visitor's language: `lang` and `setLanguage` are the locale's, so there is one source. */
  constructor(readonly locale: Locale) {
    locale.onChange((l, previous) => this.emit({ key: 'lang', value: l.lang, previous, origin: 'preview' }));
  }

  /** The id of the work open (in the panel, VR or AR), if any. */
  get selected(): string | undefined {
    return this.selectedId;
  }

  /** The tour being followed and its stop, if any. */
  get tour(): TourPosition | undefined {
    return this.tourAt;
  }

  /** The mode the visitor is in. */
  get mode(): VisitMode {
    return this.modeNow;
  }

  /** The interface language (the locale's). */
  get lang(): string {
    return this.locale.lang;
  }

  /** Opens a work (`undefined` closes it). No event when it is already the one selected. */
  select(id: string | undefined, origin: ChangeOrigin = 'preview'): void {
    const previous = this.selectedId;
    if (id === previous) return;
    this.selectedId = id;
    this.emit({ key: 'selected', value: id, previous, origin });
  }

  /** Starts, moves along or (with `undefined`) ends a tour. */
  setTour(tour: TourPosition | undefined, origin: ChangeOrigin = 'preview'): void {
    const previous = this.tourAt;
    if (previous?.id === tour?.id && previous?.index === tour?.index) return;
    this.tourAt = tour ? { id: tour.id, index: tour.index } : undefined;
    this.emit({ key: 'tour', value: this.tourAt, previous, origin });
  }

  /** Enters a mode (the modes call this when their session starts and ends). */
  setMode(mode: VisitMode, origin: ChangeOrigin = mode): void {
    const previous = this.modeNow;
    if (mode === previous) return;
    this.modeNow = mode;
    this.emit({ key: 'mode', value: mode, previous, origin });
  }

  /** Switches the interface language once its strings are loaded (through the locale, whose listeners run too). */
  setLanguage(lang: string): Promise<void> {
    return this.locale.switchTo(lang);
  }

  /**
   * Runs `listener` after each change; with a key, only after changes of that key. Returns the unsubscribe
   * function.
   */
  onChange(listener: VisitListener): () => void;
  onChange<K extends VisitKey>(key: K, listener: VisitListener<K>): () => void;
  onChange(a: VisitKey | VisitListener, b?: VisitListener<VisitKey>): () => void {
    const entry = typeof a === 'function' ? { fn: a as (c: VisitChange) => void } : { key: a, fn: b as (c: VisitChange) => void };
    this.listeners.add(entry);
    return () => this.listeners.delete(entry);
  }

  private emit(change: VisitChange): void {
    for (const l of [...this.listeners]) if (!l.key || l.key === change.key) l.fn(change);
  }
}
