/**
 * The "Offline" drawer: save the current exhibition (size first, progress, cancel, resume, update), storage
 * used and free, the list of saved exhibitions with remove, and "clear offline data". Also the banner that
 * offers a new app version.
 */
import { h, clear } from './dom';
import { fill, type Strings } from './i18n';
import { formatBytes, type SavedManifest } from '../offline/plan';
import {
  QuotaError,
  checkQuota,
  clearOfflineData,
  currentExhibition,
  listSaved,
  offlineSupported,
  planSave,
  removeSaved,
  runSave,
  storageEstimate,
  type SavePlan,
  type SaveProgress,
  type SavedEntry,
} from '../offline/save';

type State =
  | { kind: 'idle'; message?: string }
  | { kind: 'sizing' }
  | { kind: 'ready'; plan: SavePlan; noRoom?: { needed: number; free: number } }
  | { kind: 'saving'; plan: SavePlan; progress: SaveProgress; abort: AbortController };

export interface OfflinePanelContext {
  exhibitionUrl: string;
  t: () => Strings;
  lang: () => string;
  setStatus: (data: Record<string, string>) => void;
  announce: (text: string) => void;
}

export class OfflinePanel {
  readonly root = h('div', { class: 'offline-panel' });
  private state: State = { kind: 'idle' };
  private entries: SavedEntry[] = [];
  private currentHash?: string;
  private estimate?: { usage?: number; quota?: number };

  constructor(private readonly ctx: OfflinePanelContext) {
    addEventListener('online', () => this.render());
    addEventListener('offline', () => this.render());
    void this.refresh();
  }

  /** Re-reads what is saved and whether the server's copy changed, then renders. */
  async refresh(): Promise<void> {
    if (!offlineSupported()) return this.render();
    try {
      this.currentHash = (await currentExhibition(this.ctx.exhibitionUrl)).hash;
    } catch {
      // Offline with nothing cached: the saved list still shows.
    }
    this.entries = await listSaved().catch(() => []);
    this.estimate = await storageEstimate();
    this.render();
  }

  private mine(): { saved?: SavedEntry & { manifest: SavedManifest }; partial?: SavedEntry } {
    const url = this.ctx.exhibitionUrl;
    const saved = this.entries
      .filter((e): e is SavedEntry & { manifest: SavedManifest } => e.manifest?.url === url)
      .sort((a, b) => (a.manifest.hash === this.currentHash ? -1 : b.manifest.hash === this.currentHash ? 1 : b.manifest.savedAt.localeCompare(a.manifest.savedAt)))[0];
    const partial = this.entries.find((e) => !e.manifest && e.hash === this.currentHash);
    return { saved, partial };
  }

  private fmtDate(iso: string): string {
    try {
      return new Date(iso).toLocaleString(this.ctx.lang(), { dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      return iso;
    }
  }

  render(): void {
    const t = this.ctx.t();
    clear(this.root);
    if (!offlineSupported()) {
      this.root.append(h('p', {}, t.offlineUnsupported));
      this.ctx.setStatus({ offline: 'unsupported' });
      return;
    }
    const { saved, partial } = this.mine();
    const upToDate = saved && (this.currentHash === undefined || saved.manifest.hash === this.currentHash);
    const status = upToDate ? 'saved' : saved ? 'update' : partial ? 'partial' : 'none';
    this.ctx.setStatus({ offline: this.state.kind === 'saving' ? 'saving' : status });

    const section = h('section', { class: 'offline-this', 'aria-labelledby': 'offline-this-title' }, h('h3', { id: 'offline-this-title' }, t.offlineThis));
    if (!navigator.onLine) section.append(h('p', { class: 'offline-note' }, t.offlineOffline));
    const line =
      status === 'saved'
        ? fill(t.offlineSaved, { date: this.fmtDate(saved!.manifest.savedAt), size: formatBytes(saved!.manifest.bytes) })
        : status === 'update'
          ? t.offlineUpdate
          : status === 'partial'
            ? fill(t.offlinePartial, { files: partial!.count ?? 0 })
            : t.offlineNotSaved;
    section.append(h('p', { id: 'offline-state', 'data-state': status }, line));

    const s = this.state;
    if (s.kind === 'idle') {
      if (s.message) section.append(h('p', { id: 'offline-message', role: 'alert' }, s.message));
      if (status !== 'saved') {
        const label = status === 'update' ? t.offlineUpdateButton : status === 'partial' ? t.offlineResume : t.offlineSave;
        section.append(h('button', { type: 'button', id: 'offline-save', disabled: !navigator.onLine, onclick: () => void this.prepare() }, label));
      }
    } else if (s.kind === 'sizing') {
      section.append(h('p', { 'aria-live': 'polite' }, t.offlineSizing));
    } else if (s.kind === 'ready') {
      const missingBytes = s.plan.files.filter((u) => !s.plan.present.includes(u)).reduce((n, u) => n + (s.plan.sizes.get(u) ?? 0), 0);
      section.append(h('p', { id: 'offline-size', 'data-bytes': s.plan.bytes, 'data-files': s.plan.files.length }, fill(t.offlineSizeIs, { files: s.plan.files.length, size: formatBytes(missingBytes) })));
      if (s.noRoom) section.append(h('p', { id: 'offline-message', role: 'alert' }, fill(t.offlineNoRoom, { needed: formatBytes(s.noRoom.needed), free: formatBytes(s.noRoom.free) })));
      else section.append(h('button', { type: 'button', id: 'offline-start', onclick: () => void this.save(s.plan) }, t.offlineStart));
      section.append(h('button', { type: 'button', class: 'offline-cancel', onclick: () => this.setState({ kind: 'idle' }) }, t.offlineCancel));
    } else {
      const p = s.progress;
      section.append(
        h('progress', { id: 'offline-progress', max: Math.max(1, p.bytesTotal), value: Math.min(p.bytes, p.bytesTotal), 'aria-label': t.offlineSave }),
        h('p', { id: 'offline-progress-text' }, fill(t.offlineProgress, { bytes: formatBytes(p.bytes), total: formatBytes(p.bytesTotal), files: p.files, filesTotal: p.filesTotal })),
        h('button', { type: 'button', id: 'offline-cancel', onclick: () => s.abort.abort() }, t.offlineCancel),
      );
    }
    this.root.append(section);

    if (this.estimate?.quota !== undefined) {
      this.root.append(h('p', { class: 'offline-storage' }, fill(t.offlineStorage, { used: formatBytes(this.estimate.usage ?? 0), quota: formatBytes(this.estimate.quota) })));
    }
    const complete = this.entries.filter((e): e is SavedEntry & { manifest: SavedManifest } => !!e.manifest);
    this.root.append(
      h('h3', {}, t.offlineList),
      complete.length
        ? h(
            'ul',
            { class: 'offline-list' },
            complete.map((e) =>
              h(
                'li',
                { 'data-cache': e.name },
                h('strong', {}, e.manifest.title),
                h('span', { class: 'sub' }, `${formatBytes(e.manifest.bytes)} · ${this.fmtDate(e.manifest.savedAt)}`),
                h('button', { type: 'button', class: 'offline-remove', onclick: () => void this.remove(e.name) }, t.offlineRemove),
              ),
            ),
          )
        : h('p', {}, t.offlineNone),
      h('button', { type: 'button', id: 'offline-clear', class: 'offline-clear', onclick: () => void this.clearAll() }, t.offlineClear),
    );
  }

  private setState(s: State): void {
    this.state = s;
    this.render();
  }

  private async prepare(): Promise<void> {
    const t = this.ctx.t();
    this.setState({ kind: 'sizing' });
    try {
      const plan = await planSave(this.ctx.exhibitionUrl);
      this.currentHash = plan.hash;
      const q = await checkQuota(plan);
      this.setState({ kind: 'ready', plan, noRoom: q.ok ? undefined : { needed: q.needed, free: q.free } });
    } catch (e) {
      this.setState({ kind: 'idle', message: fill(t.offlineFailed, { reason: (e as Error).message }) });
    }
  }

  private async save(plan: SavePlan): Promise<void> {
    const t = this.ctx.t();
    const abort = new AbortController();
    const state: State = { kind: 'saving', plan, abort, progress: { files: 0, filesTotal: plan.files.length, bytes: 0, bytesTotal: plan.bytes } };
    this.setState(state);
    let last = 0;
    try {
      await runSave(plan, abort.signal, (p) => {
        state.progress = p;
        const pct = p.bytesTotal ? Math.floor((100 * p.bytes) / p.bytesTotal) : 0;
        this.ctx.setStatus({ offlineProgress: String(Math.min(100, pct)), offlineFiles: `${p.files}/${p.filesTotal}` });
        const now = performance.now();
        if (now - last > 100 || p.files === p.filesTotal) {
          last = now;
          this.render();
        }
      });
      // An update replaces the older copies of the same exhibition.
      for (const e of await listSaved()) if (e.name !== plan.cache && (e.manifest?.url === plan.url || (!e.manifest && e.id === plan.id))) await removeSaved(e.name);
      this.state = { kind: 'idle', message: t.offlineDone };
      this.ctx.announce(t.offlineDone);
    } catch (e) {
      const message = e instanceof QuotaError ? t.offlineQuotaMidway : abort.signal.aborted ? t.offlineCancelled : fill(t.offlineFailed, { reason: (e as Error).message });
      this.state = { kind: 'idle', message };
      this.ctx.announce(message);
    }
    await this.refresh();
  }

  private async remove(name: string): Promise<void> {
    await removeSaved(name);
    await this.refresh();
  }

  private async clearAll(): Promise<void> {
    if (this.state.kind === 'saving') this.state.abort.abort();
    await clearOfflineData();
    this.state = { kind: 'idle', message: this.ctx.t().offlineCleared };
    await this.refresh();
  }
}

/** The banner that tells the visitor a new app version is ready; the page reloads only when they choose. */
export function showAppUpdate(t: Strings, apply: () => void): void {
  document.getElementById('app-update')?.remove();
  const bar = h('div', { id: 'app-update', class: 'app-update', role: 'alert' }, h('span', {}, t.appUpdate), h('button', { type: 'button', onclick: () => apply() }, t.appUpdateReload));
  document.body.append(bar);
}
