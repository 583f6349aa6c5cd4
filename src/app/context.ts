/**
 * What the visit's managers share: the model, the engine, the visitor's language and state, the `#status`
 * output, and the parts built during start (gallery, preview, favourites). One object, made by `Visit`.
 */
import type { Engine } from '@babylonjs/core/Engines/engine';
import type { Observer } from '@babylonjs/core/Misc/observable';
import type { Scene } from '@babylonjs/core/scene';
import type { LoadedExhibition } from '../twin/load';
import type { Exhibition, LangMap } from '../twin/schema';
import type { Problem } from '../twin/validate';
import type { Gallery, SceneProblem } from '../scene/gallery';
import type { PreviewMode } from '../modes/preview/preview-mode';
import type { Favourites } from '../visitor/favourites';
import type { SessionAcknowledgements } from '../visitor/acknowledgements';
import type { VisitState } from '../visitor/visit-state';
import type { Locale } from '../i18n/locale';
import type { StatusBoard } from '../ui/status';
import { localText } from '../ui/panel';

export interface VisitContext {
  readonly loaded: LoadedExhibition;
  readonly ex: Exhibition;
  readonly engine: Engine;
  readonly canvas: HTMLCanvasElement;
  readonly locale: Locale;
  readonly state: VisitState;
  readonly status: StatusBoard;
  /** Advisory notices acknowledged: for this browser session only (sessionStorage). */
  readonly acknowledged: SessionAcknowledgements;
  readonly reducedMotion: MediaQueryList;
  gallery?: Gallery;
  preview?: PreviewMode;
  favourites?: Favourites;
  /** Asks the 3D view for frames (it renders on demand). */
  requestRender: () => void;
  /**
   * Tells the 3D view that a frame observer added after the visit began is there for good (it alone is not a
   * reason to draw: something made later, such as a group's avatars, asks for frames itself).
   */
  keepFrameObserver: (o: Observer<Scene>) => void;
  /** Reports a problem to the visitor (the Problems drawer). */
  addProblem: (p: SceneProblem | Problem) => void;
}

/** Exhibition text as an element marked with its language, and visibly tagged when it is a fallback. */
export function local(locale: Locale, tag: 'span' | 'strong' | 'p', m: LangMap | undefined, attrs: Record<string, string> = {}): HTMLElement {
  return localText(tag, locale.local(m), locale.t, locale.lang, attrs);
}
