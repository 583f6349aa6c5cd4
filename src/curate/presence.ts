/**
 * Who is here: each person's name, the work they have selected and where their camera is (where they stand and
 * look in the curating view's 3D stage), through the Hocuspocus provider's awareness (y-protocols' awareness:
 * every client's small state, gone when they leave). A colleague's state comes from their browser unchecked by
 * the server (it writes nothing), so it is read through readPresence before anything is drawn from it.
 */
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { t, type CurateLanguage } from './strings';

/** Where a camera is and the point it looks at, in the space's metres ([x, y, z], y up). */
export interface CameraPose {
  readonly at: readonly [number, number, number];
  readonly look: readonly [number, number, number];
}

export interface Presence {
  readonly name: string;
  readonly selected: string | null;
  /** Absent until their stage has drawn a first view. */
  readonly camera?: CameraPose;
}

/** Far beyond any museum (the format's span limit is smaller): a point past it is not drawn. */
const MAX_COORDINATE = 100_000;

const point = (v: unknown): [number, number, number] | undefined =>
  Array.isArray(v) && v.length === 3 && v.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= MAX_COORDINATE) ? [v[0], v[1], v[2]] : undefined;

/** A colleague's awareness `user` field as a Presence, or undefined when it is not one (a name is required). */
export function readPresence(user: unknown): Presence | undefined {
  if (typeof user !== 'object' || user === null) return undefined;
  const u = user as Record<string, unknown>;
  if (typeof u.name !== 'string' || !u.name.trim() || u.name.length > 200) return undefined;
  const selected = typeof u.selected === 'string' && u.selected.length <= 200 ? u.selected : null;
  const c = u.camera as Record<string, unknown> | undefined;
  const at = point(c?.at);
  const look = point(c?.look);
  return { name: u.name, selected, ...(at && look ? { camera: { at, look } } : {}) };
}

/** Rounds a pose to the centimetre: what a colleague needs, and fewer bytes per awareness message. */
export const roundPose = (p: CameraPose): CameraPose => {
  const r = (v: readonly number[]) => v.map((n) => Math.round(n * 100) / 100) as unknown as [number, number, number];
  return { at: r(p.at), look: r(p.look) };
};

/**
 * Keeps `list` showing everyone in the draft; `titleOf` names a work in the view's language; `onColleagues` hears
 * who else is here, what each has selected and where their camera is (the stage and the floor plan show them).
 */
export function showPresence(provider: HocuspocusProvider, list: HTMLUListElement, lang: CurateLanguage, titleOf: (id: string) => string, onColleagues?: (others: Presence[]) => void): () => void {
  const awareness = provider.awareness!;
  let shownList = '';
  const render = (force = true) => {
    const items: HTMLLIElement[] = [];
    const others: Presence[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      const user = readPresence((state as { user?: unknown }).user);
      if (!user) continue;
      const li = document.createElement('li');
      const me = clientId === awareness.clientID;
      if (!me) others.push(user);
      li.dataset.user = user.name;
      li.textContent = `${me ? t(lang, 'you', { name: user.name }) : user.name}: ${user.selected ? t(lang, 'selecting', { work: titleOf(user.selected) }) : t(lang, 'nothingSelected')}`;
      items.push(li);
    }
    items.sort((a, b) => (a.dataset.user ?? '').localeCompare(b.dataset.user ?? ''));
    // A camera moving changes nothing in the list: it is rebuilt only when its words change.
    const words = items.map((li) => li.textContent).join('\n');
    if (force || words !== shownList) list.replaceChildren(...items);
    shownList = words;
    onColleagues?.(others);
  };
  awareness.on('change', () => render(false));
  render();
  return () => render();
}

/** Says who I am, what I have selected and where my camera is. */
export function setPresence(provider: HocuspocusProvider, me: Presence): void {
  provider.setAwarenessField('user', me);
}
