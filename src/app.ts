/**
 * The app's entry: reads the address, loads the exhibition, and starts the visit (src/app/visit.ts), or shows
 * the loading and error pages in the visitor's language.
 */
import { Engine } from '@babylonjs/core/Engines/engine';
import { ExhibitionError, loadExhibition, type LoadedExhibition } from './twin/load';
import { Locale } from './i18n/locale';
import { loadStrings, PSEUDO_LANGUAGES, UI_LANGUAGES } from './i18n/strings';
import { byId } from './ui/dom';
import { showErrorPage, showProgress } from './ui/pages';
import { LANG_KEY, safeStorage } from './app/chrome';
import { Visit } from './app/visit';
import { shareProgramsAcrossDefineOrder } from './scene/effect-order';
import { parseOriginList, setTrustedOrigins } from './twin/trusted-origins';

export const DEFAULT_EXHIBITION = `${import.meta.env.BASE_URL}exhibitions/default/exhibition.json`;

/** Starts the app on this page: `?exhibition=` (else the default), `?lang=`, `?print-markers`, `?ar`, `?view=`. */
export async function startVisit(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const exhibitionUrl = params.get('exhibition') || DEFAULT_EXHIBITION;
  // Exhibitions and media come only from this origin and those the museum trusts (VITE_TRUSTED_ORIGINS at build).
  setTrustedOrigins([location.origin, ...parseOriginList(import.meta.env.VITE_TRUSTED_ORIGINS as string | undefined).origins]);
  // The visitor's language's strings are fetched first, so the loading page never shows English before them.
  const first = initialUiLanguage(params, []);
  await loadStrings(first);
  const locale = new Locale(first);
  // The loading and error pages already speak the visitor's language, in its direction.
  document.documentElement.lang = locale.lang;
  document.documentElement.dir = locale.dir;
  showProgress(locale.t, 0, 0, 0);
  let loaded: LoadedExhibition;
  try {
    loaded = await loadExhibition(exhibitionUrl);
    performance.mark('twin:exhibition-loaded');
  } catch (e) {
    const err = e instanceof ExhibitionError ? e : new ExhibitionError(String((e as Error)?.message ?? e), exhibitionUrl);
    showErrorPage(locale.t, err.message, err.problems, exhibitionUrl === DEFAULT_EXHIBITION ? null : location.pathname);
    return;
  }
  // The printable sheet of AR markers, for the museum to print at true size: no 3D.
  if (params.has('print-markers')) {
    const { showMarkerSheet } = await import('./modes/ar/marker-sheet');
    const lang = initialUiLanguage(params, loaded.exhibition.languages);
    await loadStrings(lang);
    showMarkerSheet(new Locale(lang).t, loaded, lang);
    return;
  }
  const canvas = byId<HTMLCanvasElement>('gallery-canvas');
  let engine: Engine;
  try {
    engine = new Engine(canvas, true, { stencil: true, preserveDrawingBuffer: false, doNotHandleContextLost: false }, true);
    shareProgramsAcrossDefineOrder(engine);
  } catch {
    showErrorPage(locale.t, locale.t.webglMissing, [], null);
    return;
  }
  await locale.switchTo(initialUiLanguage(params, loaded.exhibition.languages));
  const visit = new Visit(loaded, engine, canvas, locale);
  try {
    await visit.start();
  } catch (e) {
    // The building itself could not be made (e.g. the space model is missing): nothing to walk in.
    showErrorPage(locale.t, (e as Error)?.message ?? String(e), [], exhibitionUrl === DEFAULT_EXHIBITION ? null : location.pathname);
  }
}

function initialUiLanguage(params: URLSearchParams, available: string[]): string {
  // A pseudo-locale (layout testing) is chosen only by the address, whatever the exhibition's languages.
  const asked = params.get('lang');
  if (asked && PSEUDO_LANGUAGES.includes(asked)) return asked;
  const candidates = [params.get('lang'), safeStorage(() => localStorage.getItem(LANG_KEY)), ...navigator.languages, 'en'];
  for (const c of candidates) {
    if (!c) continue;
    const base = c.split('-')[0]!;
    if (!available.length ? UI_LANGUAGES.includes(base) : available.includes(c) || available.includes(base)) return available.includes(c) ? c : base;
  }
  return available[0] ?? 'en';
}
