/**
 * Community protocols: what may be requested, shown and played of a work, in each way of visiting it.
 *
 * These are the decisions every mode asks before it loads anything (the scene before it fetches an image or a
 * model, a panel before it fetches narration or captions, AR before it floats a label), so a protocol is kept
 * where the data is loaded and not only hidden in the interface. Pure functions over the exhibition model.
 */
import { MODES, type Artwork, type CommunityLabel, type VisitMode } from './schema';

export type { VisitMode };
export type MediaKind = 'image' | 'model' | 'animation' | 'audio' | 'captions';

/** Why a work is not shown in a mode, if it is not. */
export type Withheld = 'restricted' | 'mode';

/** Whether the work itself may be shown in a mode; undefined when it may. */
export function withheld(art: Artwork, mode: VisitMode): Withheld | undefined {
  const s = art.sensitivity;
  if (s.level === 'restricted') return 'restricted';
  if (s.modes && !s.modes.includes(mode)) return 'mode';
  return undefined;
}

export function mayShow(art: Artwork, mode: VisitMode): boolean {
  return withheld(art, mode) === undefined;
}

/** The modes the work may be shown in. */
export function shownIn(art: Artwork): VisitMode[] {
  return MODES.filter((m) => mayShow(art, m));
}

/** Whether its narration (audio and captions) may be played in a mode. */
export function mayNarrate(art: Artwork, mode: VisitMode): boolean {
  if (!mayShow(art, mode)) return false;
  const allowed = art.sensitivity.narration;
  return !allowed || allowed.includes(mode);
}

/**
 * Whether a kind of media of the work may be requested at all in a mode. A restricted work's media is never
 * requested; a work withheld from a mode has nothing requested in it; narration follows its own rule.
 */
export function mayRequest(art: Artwork, kind: MediaKind, mode: VisitMode): boolean {
  if (!mayShow(art, mode)) return false;
  if (kind === 'audio' || kind === 'captions') return mayNarrate(art, mode);
  return true;
}

/** The media files of the work that may be requested in a mode (paths as written in the exhibition). */
export function requestableMedia(art: Artwork, mode: VisitMode): string[] {
  const out: string[] = [];
  if (art.kind === 'painting' && art.image && mayRequest(art, 'image', mode)) out.push(art.image);
  if (art.kind === 'object' && art.model && mayRequest(art, 'model', mode)) out.push(art.model);
  if (art.animation?.model && mayRequest(art, 'animation', mode)) out.push(art.animation.model);
  if (mayNarrate(art, mode)) for (const n of Object.values(art.narration ?? {})) out.push(n.audio, n.captions);
  return out;
}

/** Every media file the work names (what a restricted work must not name at all). */
export function namedMedia(art: Artwork): string[] {
  const out: string[] = [];
  if (art.kind === 'painting' && art.image) out.push(art.image);
  if (art.kind === 'object' && art.model) out.push(art.model);
  if (art.animation?.model) out.push(art.animation.model);
  for (const n of Object.values(art.narration ?? {})) out.push(n.audio, n.captions);
  return out;
}

/** Advisory works show their notice first, until the visitor acknowledges it. */
export function needsNotice(art: Artwork, acknowledged: (id: string) => boolean): boolean {
  return art.sensitivity.level === 'advisory' && !acknowledged(art.id);
}

/** Whether links to the work may be offered (copy link, share, the address bar). */
export function mayShare(art: Artwork): boolean {
  return art.sensitivity.sharing !== false;
}

/** Whether the community allows screenshots or photographs of the work. */
export function mayCapture(art: Artwork): boolean {
  return art.sensitivity.screenshots !== false;
}

export function labelsOf(art: Artwork): CommunityLabel[] {
  return art.sensitivity.labels ?? [];
}

/**
 * Narration for the visitor's language, else the exhibition's default (marked as a fallback), when the protocol
 * allows narration in this mode.
 */
export function narrationFor(
  art: Artwork,
  lang: string,
  defaultLang: string,
  mode: VisitMode,
): { audio: string; captions: string; lang: string; fallback: boolean } | undefined {
  if (!art.narration || !mayNarrate(art, mode)) return undefined;
  const base = lang.split('-')[0] ?? lang;
  for (const [l, fallback] of [[lang, false], [base, false], [defaultLang, true]] as const) {
    const n = art.narration[l];
    if (n) return { ...n, lang: l, fallback };
  }
  const [first] = Object.entries(art.narration);
  return first ? { ...first[1], lang: first[0], fallback: true } : undefined;
}
