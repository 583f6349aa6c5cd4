/** The pack report: per file, before → after, and totals (pure: no files, no Babylon). */
import type { TextureStat } from './model';

export interface AssetReport {
  /** Path in the source exhibition, then in the packed one (they differ when the format changed). */
  source: string;
  packed: string;
  role: string;
  /** What was done: 'model', 'image', 'copied'. */
  action: 'model' | 'image' | 'copied';
  bytesBefore: number;
  bytesAfter: number;
  trianglesBefore?: number;
  trianglesAfter?: number;
  /** Triangles at each coarser level (MSFT_lod). */
  lodTriangles?: number[];
  texturesBefore?: TextureStat[];
  texturesAfter?: TextureStat[];
  /** Images: width × height before and after. */
  sizeBefore?: [number, number];
  sizeAfter?: [number, number];
  /**
   * Extra files written for this one (a painting's far image; an object's USDZ, `quickLook`: fetched only by an
   * iPhone or iPad asking for AR Quick Look, so not part of what a visit downloads).
   */
  extras?: { packed: string; bytes: number; size?: [number, number]; quickLook?: boolean }[];
}

export interface PackReport {
  source: string;
  out: string;
  assets: AssetReport[];
  /** The exhibition file itself. */
  exhibitionBytes: { before: number; after: number };
  /** bytesAfter and ratio: what a visit may download; quickLookBytes: the USDZ copies, for iPhones only. */
  totals: { bytesBefore: number; bytesAfter: number; ratio: number; trianglesBefore: number; trianglesAfter: number; quickLookBytes: number };
  ms: number;
}

/** The extras a visit may download (every one but the AR Quick Look copies). */
export function extrasBytes(a: AssetReport): number {
  return (a.extras ?? []).reduce((s, e) => s + (e.quickLook ? 0 : e.bytes), 0);
}

const quickLookBytes = (a: AssetReport): number => (a.extras ?? []).reduce((s, e) => s + (e.quickLook ? e.bytes : 0), 0);

/** Totals over every file: source files once each, packed files with their extras, plus the exhibition file. */
export function totals(assets: readonly AssetReport[], exhibitionBytes: { before: number; after: number }): PackReport['totals'] {
  let bytesBefore = exhibitionBytes.before;
  let bytesAfter = exhibitionBytes.after;
  let trianglesBefore = 0;
  let trianglesAfter = 0;
  let quickLook = 0;
  for (const a of assets) {
    bytesBefore += a.bytesBefore;
    bytesAfter += a.bytesAfter + extrasBytes(a);
    quickLook += quickLookBytes(a);
    trianglesBefore += a.trianglesBefore ?? 0;
    trianglesAfter += a.trianglesAfter ?? 0;
  }
  return { bytesBefore, bytesAfter, ratio: bytesBefore === 0 ? 0 : bytesAfter / bytesBefore, trianglesBefore, trianglesAfter, quickLookBytes: quickLook };
}

const kb = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(0)} KB`);
const pct = (a: number, b: number): string => (b === 0 ? '' : `${Math.round((a / b) * 100)}%`);
const dims = (s?: [number, number]): string => (s ? `${s[0]}×${s[1]}` : '');
const texText = (t?: TextureStat[]): string => (t && t.length > 0 ? t.map((x) => `${x.width}×${x.height} ${x.mimeType.replace('image/', '')}`).join(', ') : '');

/** A plain-text table for the terminal. */
export function formatReport(r: PackReport): string {
  const rows: string[][] = [['file', 'bytes', '', 'triangles', 'textures / size']];
  for (const a of r.assets) {
    const tri = a.trianglesBefore !== undefined ? `${a.trianglesBefore} → ${a.trianglesAfter}${a.lodTriangles?.length ? ` (LOD ${a.lodTriangles.join(', ')})` : ''}` : '';
    const tex = a.action === 'model' ? `${texText(a.texturesBefore)} → ${texText(a.texturesAfter)}` : a.action === 'image' ? `${dims(a.sizeBefore)} → ${dims(a.sizeAfter)}${a.extras?.length ? ` + far ${a.extras.map((e) => dims(e.size)).join(', ')}` : ''}` : '';
    const after = a.bytesAfter + extrasBytes(a);
    rows.push([a.packed === a.source ? a.source : `${a.source} → ${a.packed}`, `${kb(a.bytesBefore)} → ${kb(after)}`, a.action === 'copied' ? 'copied' : pct(after, a.bytesBefore), tri, tex]);
  }
  rows.push(['exhibition file', `${kb(r.exhibitionBytes.before)} → ${kb(r.exhibitionBytes.after)}`, '', '', '']);
  const t = r.totals;
  rows.push(['TOTAL', `${kb(t.bytesBefore)} → ${kb(t.bytesAfter)}`, pct(t.bytesAfter, t.bytesBefore), `${t.trianglesBefore} → ${t.trianglesAfter}`, '']);
  if (t.quickLookBytes) rows.push(['+ USDZ for AR Quick Look (iPhone, iPad)', kb(t.quickLookBytes), '', '', '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
