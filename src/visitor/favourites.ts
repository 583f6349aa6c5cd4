/**
 * The visitor's favourites, per exhibition, kept in IndexedDB so they survive reloads
 * (and are the same list in the preview and in VR). Falls back to memory when storage is blocked.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';

export class Favourites {
  private ids = new Set<string>();
  private readonly listeners = new Set<(ids: ReadonlySet<string>) => void>();
  private store?: UseStore;
  /** False when the browser refused storage: favourites then last for this page only. */
  persistent = true;

  private constructor(private readonly key: string) {}

  static async open(exhibitionId: string): Promise<Favourites> {
    const f = new Favourites(`favourites:${exhibitionId}`);
    try {
      f.store = createStore('museum-twin', 'visitor');
      const saved = await get<string[]>(f.key, f.store);
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

  async toggle(id: string): Promise<boolean> {
    const on = !this.ids.has(id);
    if (on) this.ids.add(id);
    else this.ids.delete(id);
    // Written before it is shown: a heart the visitor sees is a heart that survives leaving the page.
    await this.save();
    this.emit();
    return on;
  }

  onChange(listener: (ids: ReadonlySet<string>) => void): void {
    this.listeners.add(listener);
  }

  private emit(): void {
    for (const l of this.listeners) l(this.ids);
  }

  private async save(): Promise<void> {
    if (!this.store) return;
    try {
      await set(this.key, [...this.ids], this.store);
    } catch {
      this.persistent = false;
    }
  }
}
