/**
 * What every immersive mode (VR, AR) needs from the visit, and the world-space panel's context built from it.
 * The app makes one XrHost; VrHost and ArHost add what each mode needs of its own.
 */
import type { Exhibition, LangMap } from '../../twin/schema';
import { pick } from '../../twin/text';
import { fill, formatIsoDate, formatNumber, type Locale, type Strings } from '../../i18n';
import type { Gallery } from '../../scene/gallery';
import { timeLapseFor } from '../../scene/time-lapse';
import type { WorldPanel, WorldPanelContext } from './world-panel';
import type { XrLiveFeed } from './live-feed';

/** The visit's favourites, as the immersive modes use them. */
export interface XrFavourites {
  has(id: string): boolean;
  toggle(id: string): Promise<boolean>;
  /** Returns what stops the listener: an immersive mode stops it when it ends, or the visit keeps the mode. */
  onChange(listener: (ids: ReadonlySet<string>) => void): () => void;
}

/** What every immersive mode (VR, AR) needs from the visit: the scene, the model, the visitor's state. */
export interface XrHost {
  gallery: Gallery;
  exhibition: Exhibition;
  lang: () => string;
  t: () => Strings;
  /** The visit's Locale (src/i18n/locale.ts); where the app gives none, `lang` and `t` make one (xrLocale). */
  locale?: Locale;
  favourites?: XrFavourites;
  /** Advisory notices acknowledged in this visit (shared with the preview). */
  acknowledged: Set<string>;
  resolveMedia: (path: string) => string;
  setStatus: (data: Record<string, string>) => void;
  announce: (text: string) => void;
  /** The live twin (conditions, alerts), when the app has a live layer. */
  live?: XrLiveFeed;
}

/** What the immersive modes write in the visitor's language: the app's Locale, or the part of it they use. */
export interface XrLocale {
  readonly lang: string;
  readonly t: Strings;
  /** Exhibition text in the visitor's language, else the exhibition's default. */
  text(map: LangMap | undefined): string;
  /** An interface string with its values; numbers written the language's way, as in the preview. */
  fill(template: string, values: Record<string, string | number>): string;
  date(iso: string): string;
  number(n: number): string;
}

/** The visit's language for a mode: the host's Locale when it has one, else one read through `lang()` and `t()`. */
export function xrLocale(host: Pick<XrHost, 'lang' | 't' | 'exhibition' | 'locale'>): XrLocale {
  if (host.locale) return host.locale;
  return {
    get lang() {
      return host.lang();
    },
    get t() {
      return host.t();
    },
    text: (map) => pick(map, host.lang(), host.exhibition.defaultLanguage).text,
    fill: (template, values) => fill(template, values, host.lang()),
    date: (iso) => formatIsoDate(iso, host.lang()),
    number: (n) => formatNumber(n, host.lang()),
  };
}

/** The world-space panel's context for an immersive mode: favourites and acknowledgements are the visit's. */
export function xrPanelContext(
  host: XrHost,
  panel: () => WorldPanel,
  close: () => void,
  focusAnnotation: WorldPanelContext['focusAnnotation'],
  mode: WorldPanelContext['mode'] = 'vr',
): WorldPanelContext {
  return {
    mode,
    exhibition: host.exhibition,
    locale: xrLocale(host),
    timeLapse: (id) => timeLapseFor(host.gallery.scene, host.gallery.works.get(id), host.gallery.resolve),
    reducedMotion: () => matchMedia('(prefers-reduced-motion: reduce)').matches,
    isFavourite: (id) => host.favourites?.has(id) ?? false,
    toggleFavourite: (id) => void host.favourites?.toggle(id),
    acknowledged: (id) => host.acknowledged.has(id),
    acknowledge: (id) => {
      host.acknowledged.add(id);
      panel().refresh();
    },
    resolveMedia: host.resolveMedia,
    close,
    focusAnnotation,
  };
}
