/**
 * `npm run bench`'s results: each case's repeated runs as median [min–max], the fair comparison with the Babylon
 * Viewer as paired ratios (run i of ours against run i of the Viewer, loaded one after the other), and issue 20's
 * targets as held / MISSED / not measured, as a table for the console and the README.
 */
import type { AppRun } from './app-run';
import type { GlbImages, ViewerRun } from './viewer-run';
import { round, showSpread, spread, type Spread } from './bench-stats';

/** Draw-call and triangle budgets per view (Meta's WebXR guidance is under 100 and under 750k). */
export const BUDGET = { drawCalls: 100, triangles: 500_000 };
const TEXTURE_MB = 256;
const PHONE_TEXTURE_MB = 128;
const INITIAL_JS_KB = 350;

interface Js {
  raw: number;
  gzip: number;
}
export interface AppResult {
  case: string;
  kind: 'app';
  phone?: boolean;
  initialJs: Js;
  totalJs: Js;
  runs: AppRun[];
  failures: string[];
}
export interface ViewerResult {
  case: string;
  kind: 'viewer';
  initialJs: Js;
  images: GlbImages;
  runs: ViewerRun[];
  failures: string[];
}
export interface Unavailable {
  case: string;
  kind: 'unavailable';
  note: string;
}
export type CaseResult = AppResult | ViewerResult | Unavailable;

export interface Target {
  target: string;
  met: boolean | undefined;
  detail: string;
}

const of = <T>(runs: T[], f: (r: T) => number | undefined, d = 0): Spread | undefined => spread(runs.map(f), d);
const kb = (n?: number) => (n === undefined ? '–' : `${Math.round(n / 1024)}`);

export function table(rows: CaseResult[]): string {
  const head = ['case', 'works', 'runs', 'init JS KB gz', 'JS at walkable / first frame KB gz', 'first frame ms', 'walkable ms (milestone)', 'first view, first level ms', 'first view fully shown ms', 'frame ms med / p95 / max', 'draws max', 'tris max', 'heap MB (settled, GC)', 'GPU tex MB end / peak', 'MB sent (exhibition)'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of rows) {
    if (r.kind === 'unavailable') {
      lines.push(`| ${r.case} | not available: ${r.note} |${' |'.repeat(head.length - 2)}`);
      continue;
    }
    const failed = r.failures.length ? ` (${r.failures.length} failed)` : '';
    if (r.kind === 'viewer') {
      const v = r.runs;
      lines.push(
        `| ${[r.case, '–', `${v.length}${failed}`, kb(r.initialJs.gzip), showSpread(of(v, (x) => x.jsByInteractive.gzip / 1024)), showSpread(of(v, (x) => x.firstFrameMs)), '–', '–', `${showSpread(of(v, (x) => x.firstFrameMs))} (its first frame)`, '–', '–', '–', showSpread(of(v, (x) => x.heapMB, 1)), showSpread(of(v, (x) => x.textureMB, 1)), `${showSpread(of(v, (x) => x.transferredMB, 2))} (GLB ${r.images.glbMB})`].join(' | ')} |`,
      );
      continue;
    }
    const a = r.runs;
    lines.push(
      `| ${[
        r.case,
        a[0]?.works ?? '–',
        `${a.length}${failed}`,
        kb(r.initialJs.gzip),
        showSpread(of(a, (x) => x.jsByInteractive.gzip / 1024)),
        showSpread(of(a, (x) => x.firstFrameMs)),
        showSpread(of(a, (x) => x.interactiveMs)),
        showSpread(of(a, (x) => x.nearbyMediaMs)),
        showSpread(of(a, (x) => x.fullyShownMs)),
        `${showSpread(of(a, (x) => x.frameMedianMs, 1))} / ${showSpread(of(a, (x) => x.frameP95Ms, 1))} / ${showSpread(of(a, (x) => x.frameMaxMs, 0))}`,
        showSpread(of(a, (x) => x.drawsMax)),
        showSpread(of(a, (x) => x.trianglesMax / 1000)) + 'k',
        showSpread(of(a, (x) => x.heapMB, 1)),
        `${showSpread(of(a, (x) => x.textureMB, 1))} / ${showSpread(of(a, (x) => x.texturePeakMB, 1))}`,
        `${showSpread(of(a, (x) => x.transferredMB, 2))} (${showSpread(of(a, (x) => x.exhibitionMB, 2))})`,
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

/** The targets of issue 20 (ratios and counts on this machine) and the earlier ones still held to. */
export function targets(rows: CaseResult[]): Target[] {
  const app = (n: string) => rows.find((r): r is AppResult => r.case === n && r.kind === 'app' && r.runs.length > 0);
  const viewer = rows.find((r): r is ViewerResult => r.kind === 'viewer' && r.runs.length > 0);
  const def = app('default');
  const phone = rows.find((r): r is AppResult => r.kind === 'app' && !!r.phone && r.runs.length > 0);
  const apps = rows.filter((r): r is AppResult => r.kind === 'app' && r.runs.length > 0);
  const missing = 'a case is missing';
  const out: Target[] = [];

  // Like for like: run i of ours (every work within reach at its final level) against run i of the Viewer (its
  // first frame of the same exhibition, with the same images), loaded one after the other.
  const pairs = def && viewer ? def.runs.map((r, i) => [r.fullyShownMs, viewer.runs[i]?.firstFrameMs] as const).filter(([a, b]) => a !== undefined && b !== undefined) : [];
  const ratios = spread(pairs.map(([a, b]) => a! / b!), 2);
  out.push({
    target: 'first view fully shown ≤ 0.5× the Viewer’s first frame of the same content (default, same images)',
    met: ratios ? ratios.median <= 0.5 : undefined,
    detail: ratios
      ? `${showSpread(ratios, '×')} over ${ratios.runs} alternating pairs; ours ${showSpread(of(def!.runs, (x) => x.fullyShownMs))} ms, the Viewer ${showSpread(of(viewer!.runs, (x) => x.firstFrameMs))} ms`
      : def && viewer
        ? 'no pair where both finished (see the failures)'
        : missing,
  });
  out.push({
    target: 'milestone (not a target): the building walkable (default), against the Viewer’s first frame',
    met: undefined,
    detail: def ? `${showSpread(of(def.runs, (x) => x.interactiveMs))} ms${viewer ? ` vs ${showSpread(of(viewer.runs, (x) => x.firstFrameMs))} ms` : ''}` : missing,
  });
  // The ratio of each run, then the median over the runs of a case.
  const hitch = apps.map((r) => ({ r, s: spread(r.runs.map((x) => x.frameP95Ms / Math.max(x.frameMedianMs, 0.01)), 1)! }));
  out.push({
    target: 'no hitch while streaming: p95 CPU frame time (the whole frame, uploads included) ≤ 3× the median in every case (median over runs)',
    met: hitch.length ? hitch.every(({ s }) => s.median <= 3) : undefined,
    detail: hitch.map(({ r, s }) => `${r.case} ${showSpread(s, '×')}`).join(', ') || missing,
  });
  out.push({
    target: 'info: the longest frame while walking (a headset drops frames there)',
    met: undefined,
    detail: apps.map((r) => `${r.case} ${showSpread(of(r.runs, (x) => x.frameMaxMs))} ms`).join(', ') || missing,
  });
  const desk = apps.filter((r) => !r.phone && r.runs.some((x) => x.texturePeakMB !== undefined));
  const worst = (r: AppResult) => Math.max(...r.runs.map((x) => x.texturePeakMB ?? 0));
  const formats = (r: AppResult) => Object.entries(r.runs.at(-1)?.textureByFormat ?? {}).map(([f, m]) => `${f} ${m}`).join(', ');
  out.push({
    target: `GPU texture memory ≤ ${TEXTURE_MB} MB at any exhibition size (the peak of any run)`,
    met: desk.length ? desk.every((r) => worst(r) <= TEXTURE_MB) : undefined,
    detail: desk.map((r) => `${r.case} peak ${worst(r)} MB, ${showSpread(of(r.runs, (x) => x.textureMB, 1))} MB after the walk (${formats(r)})`).join('; ') || missing,
  });
  out.push({
    target: `GPU texture memory ≤ ${PHONE_TEXTURE_MB} MB on a phone (the preview on a phone's screen; an AR session: npm run bench:ar-memory)`,
    met: phone ? worst(phone) <= PHONE_TEXTURE_MB : undefined,
    detail: phone ? `${phone.case} peak ${worst(phone)} MB (${formats(phone)})` : 'the phone case was not run',
  });
  const g50 = app('generated-50');
  const g1000 = app('generated-1000');
  const h50 = g50 && of(g50.runs, (x) => x.heapMB, 1);
  const h1000 = g1000 && of(g1000.runs, (x) => x.heapMB, 1);
  // Read alike in both (bench/heap.ts): after the walk, every work built, nothing in flight, after a GC.
  const unsettled = [g50, g1000].flatMap((g) => (g ? g.runs.filter((x) => !x.heapSettled).map(() => g.case) : []));
  out.push({
    target: 'JS heap at 1000 works ≤ 1.5× that at 50 (after the walk, once no work is being built and no file sent for 3 s, after GC)',
    met: h50 && h1000 ? h1000.median <= 1.5 * h50.median : undefined,
    detail: h50 && h1000
      ? `${showSpread(h1000)} MB vs ${showSpread(h50)} MB (${round(h1000.median / h50.median, 2)}×)${unsettled.length ? `; not settled within the wait: ${unsettled.join(', ')}` : ''}`
      : missing,
  });
  const entry = def ?? apps[0];
  out.push({
    target: `initial JS ≤ ${INITIAL_JS_KB} KB gzip`,
    met: entry ? entry.initialJs.gzip <= INITIAL_JS_KB * 1024 : undefined,
    detail: entry ? `${kb(entry.initialJs.gzip)} KB (the entry and the modules it preloads)${viewer ? `; the Viewer's ${kb(viewer.initialJs.gzip)} KB` : ''}` : missing,
  });
  const over = (r: AppResult) => r.runs.some((x) => x.drawsMax > BUDGET.drawCalls || x.trianglesMax > BUDGET.triangles);
  out.push({
    target: `≤ ${BUDGET.drawCalls} draw calls and ≤ ${BUDGET.triangles / 1000}k active triangles in every case`,
    met: apps.length ? !apps.some(over) : undefined,
    detail: apps.filter(over).map((r) => `${r.case}: ${Math.max(...r.runs.map((x) => x.drawsMax))} draws, ${Math.max(...r.runs.map((x) => x.trianglesMax))} triangles`).join('; ') || (apps.length ? 'all held' : missing),
  });
  const packed = app('default-packed');
  const sent = (r: AppResult) => of(r.runs, (x) => x.exhibitionMB, 2)!.median;
  out.push({
    target: 'packed default ≤ 40% of the source bytes (exhibition files sent for the visit)',
    met: def && packed ? sent(packed) <= 0.4 * sent(def) : undefined,
    detail: def && packed ? `${sent(packed)} MB vs ${sent(def)} MB (${Math.round((100 * sent(packed)) / sent(def))}%)` : 'the packed case is not available',
  });
  return out;
}

/** held / MISSED / not measured, as the README's table says it. */
export const verdict = (t: Target): string => (/^(milestone|info)/.test(t.target) ? 'info' : t.met === undefined ? 'not measured' : t.met ? 'held' : 'MISSED');
