import { describe, expect, it } from 'vitest';
import { formatReport, totals, type AssetReport } from './report';

const assets: AssetReport[] = [
  { source: 'a.glb', packed: 'a.glb', role: 'object-model', action: 'model', bytesBefore: 1000, bytesAfter: 200, trianglesBefore: 500, trianglesAfter: 100, lodTriangles: [25, 6], texturesBefore: [], texturesAfter: [] },
  { source: 'p.jpg', packed: 'p.webp', role: 'painting-image', action: 'image', bytesBefore: 400, bytesAfter: 150, sizeBefore: [1400, 1000], sizeAfter: [1200, 857], extras: [{ packed: 'p.far.webp', bytes: 30, size: [384, 274] }] },
  { source: 'n.ogg', packed: 'n.ogg', role: 'audio', action: 'copied', bytesBefore: 100, bytesAfter: 100 },
];

describe('pack report', () => {
  it('totals every file once, far-view copies and the exhibition file included', () => {
    const t = totals(assets, { before: 50, after: 60 });
    expect(t).toEqual({ bytesBefore: 1550, bytesAfter: 540, ratio: 540 / 1550, trianglesBefore: 500, trianglesAfter: 100, quickLookBytes: 0 });
  });

  it('counts an object’s USDZ for AR Quick Look apart: a visit never downloads it', () => {
    const withUsdz = assets.map((a) => (a.source === 'a.glb' ? { ...a, extras: [{ packed: 'a.usdz', bytes: 5000, quickLook: true }] } : a));
    const t = totals(withUsdz, { before: 50, after: 60 });
    expect(t.bytesAfter).toBe(540);
    expect(t.quickLookBytes).toBe(5000);
    const text = formatReport({ source: 's', out: 'o', assets: withUsdz, exhibitionBytes: { before: 50, after: 60 }, totals: t, ms: 1 });
    expect(text.split('\n').at(-1)).toMatch(/^\+ USDZ for AR Quick Look.*4 KB|^\+ USDZ for AR Quick Look.*5 KB/);
  });

  it('prints one row per file, then the total with its share', () => {
    const text = formatReport({ source: 's', out: 'o', assets, exhibitionBytes: { before: 50, after: 60 }, totals: totals(assets, { before: 50, after: 60 }), ms: 1 });
    const lines = text.split('\n');
    expect(lines).toHaveLength(2 + assets.length + 2);
    expect(lines.find((l) => l.startsWith('p.jpg → p.webp'))).toContain('1400×1000 → 1200×857 + far 384×274');
    expect(lines.find((l) => l.startsWith('a.glb'))).toContain('500 → 100 (LOD 25, 6)');
    expect(lines.at(-1)).toMatch(/^TOTAL\s.*35%\s+500 → 100/);
  });
});
