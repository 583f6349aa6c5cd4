/**
 * The visitor's favourites, per exhibition, kept in IndexedDB so they survive reloads
 * (and are the same list in the preview and in VR). Falls back to memory when storage is blocked.
 */
import { createStore, get, set } from 'idb-keyval';

/** Where favourites are kept: IndexedDB through idb-keyval in the browser; tests pass their own. */
export interface FavouritesStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: string[]): Promise<void>;
}

function idbStorage(): FavouritesStorage {
  const store = createStore('museum-twin', 'visitor');
  return { get: (key) => get(key, store), set: (key, value) => set(key, value, store) };
}

/** Why a favourite was not kept: the storage is full, or the browser refused the write. */
export type FavouriteWriteFailure = 'quota' | 'refused';

export class Favourites {
  private ids = new Set<string>();
  private readonly listeners = new Set<(ids: ReadonlySet<string>) => void>();
  private readonly failureListeners = new Set<(why: FavouriteWriteFailure) => void>();
  private store?: FavouritesStorage;
  /** False when the browser refused storage: favourites then last for this page only. */
  persistent = true;

  private constructor(private readonly key: string) {}

  static async open(exhibitionId: string, storage: () => FavouritesStorage = idbStorage): Promise<Favourites> {
    const f = new Favourites(`favourites:${exhibitionId}`);
    try {
      f.store = storage();
      const saved = await f.store.get(f.key);
      if (Array.isArray(saved)) f.ids = new Set(saved.filter((s) => typeof s === 'string'));
    } catch {
      f.persistent = false;
      f.store = undefined;
    }
    return f;
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  list(): string[] {
    return [...this.ids];
  }

  /**
   * Adds or removes a favourite; resolves to whether it is a favourite now. A write that finds the storage full
   * leaves the list as it was; one the browser refuses keeps the change for this page only. Either way the
   * failure listeners hear of it.
   */
  async toggle(id: string): Promise<boolean> {
    const on = !this.ids.has(id);
    const before = new Set(this.ids);
    if (on) this.ids.add(id);
    else this.ids.delete(id);
    // Written before it is shown: a heart the visitor sees is a heart that survives leaving the page.
    const failure = await this.save();
    if (failure) for (const l of this.failureListeners) l(failure);
    if (failure === 'quota') {
      // Full: the list stays as the visitor had it (and as it is stored).
      this.ids = before;
      this.emit();
      return !on;
    }
    // Refused outright (storage blocked): the change lasts for this page, as when storage was blocked from the start.
    if (failure === 'refused') this.persistent = false;
    this.emit();
    return on;
  }

  /** Called when a change could not be stored ('quota': undone; 'refused': kept for this page only). */
  onWriteFailed(listener: (why: FavouriteWriteFailure) => void): void {
    this.failureListeners.add(listener);
  }

  /** Calls `listener` on every change; returns what stops it (a mode that ends must stop listening). */
  onChange(listener: (ids: ReadonlySet<string>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l(this.ids);
  }

  /** Undefined when written (or when storage was refused from the start: this page's list is all there is). */
  private async save(): Promise<FavouriteWriteFailure | undefined> {
    if (!this.store) return undefined;
    try {
      await this.store.set(this.key, [...this.ids]);
      return undefined;
    } catch (e) {
      return isQuotaError(e) ? 'quota' : 'refused';
    }
  }
}

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || (e as { code?: unknown } | null)?.code === 22;
}
