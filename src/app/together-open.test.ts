import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exhibition, type Artwork } from '../twin/schema';
import { groupOpenedView } from './together-open';

const ex = Exhibition.parse(JSON.parse(readFileSync('assets/default/exhibition.json', 'utf8')));
const work = (id: string) => ex.artworks.find((a) => a.id === id)!;
const none = () => false;

describe('a work opened for the group', () => {
  it('shows an open work to every follower, in every mode', () => {
    for (const mode of ['preview', 'vr', 'ar'] as const) expect(groupOpenedView(work('dawn-over-the-marsh'), mode, none)).toBe('work');
  });

  it('keeps an advisory notice for each member until they acknowledge it themselves (the guide cannot for them)', () => {
    const urn = work('cinerary-urn');
    const guideAcknowledged = new Set([urn.id]);
    expect(groupOpenedView(urn, 'preview', (id) => guideAcknowledged.has(id))).toBe('work'); // the guide's own view
    expect(groupOpenedView(urn, 'vr', none)).toBe('notice'); // a follower in the headset who has not
    expect(groupOpenedView(urn, 'preview', none)).toBe('notice');
  });

  it('shows a restricted work to nobody, whoever opened it', () => {
    const veiled = work('veiled-processional-object');
    for (const mode of ['preview', 'vr', 'ar'] as const) expect(groupOpenedView(veiled, mode, () => true)).toBe('restricted');
  });

  it("follows each member's mode: a work kept out of VR is withheld in the follower's headset, shown in the guide's preview", () => {
    const base = work('dawn-over-the-marsh');
    const previewOnly: Artwork = { ...base, sensitivity: { ...base.sensitivity, modes: ['preview'] } };
    expect(groupOpenedView(previewOnly, 'preview', none)).toBe('work');
    expect(groupOpenedView(previewOnly, 'vr', none)).toBe('withheld');
    expect(groupOpenedView(previewOnly, 'ar', none)).toBe('withheld');
  });
});
