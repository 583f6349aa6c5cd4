import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateExhibition } from '../twin/validate';
import type { Exhibition } from '../twin/schema';
import { encodeRouteLink, exhibitionRevision } from '../twin/route/link';
import { planRoute } from '../twin/route/plan';
import { offlineFiles, type SavedManifest } from './plan';
import { routeFiles, savedRoute } from './route';

const text = readFileSync(resolve(import.meta.dirname, '../../assets/default/exhibition.json'), 'utf8');
const result = validateExhibition(JSON.parse(text));
if (!result.ok) throw new Error('default exhibition invalid');
const ex = result.exhibition;
const URL0 = 'http://127.0.0.1:4173/exhibitions/default/exhibition.json';
// Two open works in different rooms, as the route journey keeps.
const STOPS = ['red-rhythm', 'the-apothecarys-daughter'];

/** A complete save of `exhibition`: every file it needs offline, as the manifest lists them. */
const saveOf = (exhibition: Exhibition, files = offlineFiles(exhibition, URL0)): SavedManifest => ({
  id: exhibition.id,
  title: 'Saved',
  url: URL0,
  hash: '0123456789abcdef',
  files: files.map((url) => ({ url, bytes: 1 })),
  bytes: files.length,
  savedAt: '2026-12-07T00:00:00Z',
});
const linkOf = (stops: string[]) => encodeRouteLink({ exhibition: ex.id, revision: exhibitionRevision(ex), stops, mustSee: [], budget: 60, stepFree: false, avoidCrowded: false, notes: {} });

describe('a route in an offline save', () => {
  it('lists the exhibition file and each stop’s own media, nothing of the works not on it', () => {
    const files = routeFiles(ex, URL0, STOPS);
    expect(files[0]).toBe(URL0);
    expect(files.some((f) => f.includes('red-rhythm'))).toBe(true);
    expect(files.some((f) => f.includes('apothecary'))).toBe(true);
    const others = ex.artworks.filter((a) => !STOPS.includes(a.id)).map((a) => a.id);
    for (const id of others) expect(files.some((f) => f.endsWith(`/${id}.jpg`) || f.endsWith(`/${id}.glb`))).toBe(false);
    expect(new Set(files).size).toBe(files.length);
  });

  it('works offline from a complete save: every stop there with its media, and it plans from the saved copy alone', () => {
    const saved = savedRoute({ manifest: saveOf(ex), exhibition: ex }, linkOf(STOPS));
    expect(saved).toEqual({ stops: STOPS, gone: [], missing: [], ok: true });
    // The planner needs no network: the saved exhibition is enough for the same stops, in the link's order.
    const route = planRoute(ex, { favourites: saved.stops, budget: 60, keepOrder: true });
    expect(route.stops.map((s) => s.artwork)).toEqual(STOPS);
    expect(route.walkMetres).toBeGreaterThan(0);
  });

  it('says which files a half-finished save lacks for the route', () => {
    const all = offlineFiles(ex, URL0);
    const apothecary = routeFiles(ex, URL0, ['the-apothecarys-daughter']).slice(1);
    const partial = saveOf(ex, all.filter((u) => !apothecary.includes(u)));
    const saved = savedRoute({ manifest: partial, exhibition: ex }, linkOf(STOPS));
    expect(saved.ok).toBe(false);
    expect(saved.missing).toEqual(apothecary);
    expect(saved.stops).toEqual(STOPS);
  });

  it('names the stops an older saved version does not have, and keeps the rest', () => {
    const older: Exhibition = { ...ex, artworks: ex.artworks.filter((a) => a.id !== 'red-rhythm') };
    const saved = savedRoute({ manifest: saveOf(older), exhibition: older }, linkOf(STOPS));
    expect(saved.gone).toEqual(['red-rhythm']);
    expect(saved.stops).toEqual(['the-apothecarys-daughter']);
    expect(saved.ok).toBe(false);
  });

  it('does not call a garbled link a working route', () => {
    const saved = savedRoute({ manifest: saveOf(ex), exhibition: ex }, 'route=%%%');
    expect(saved.ok).toBe(false);
    expect(saved.stops).toEqual([]);
  });
});
