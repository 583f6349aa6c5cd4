import { describe, expect, it } from 'vitest';
import { minimalExhibition } from '../fixtures';
import { Exhibition, type ExhibitionInput } from '../schema';
import { crowdingOf, zoneArea, zoneOfArtwork } from './places';

type ArtInput = ExhibitionInput['artworks'][number];

function withZones(zones: ExhibitionInput['zones'], dropZoneField = true): Exhibition {
  const input = minimalExhibition();
  input.zones = zones;
  if (dropZoneField) for (const a of input.artworks as ArtInput[]) delete (a as { zone?: string }).zone;
  return Exhibition.parse(input);
}

describe('zones and works', () => {
  it("a zone's area is its own polygon's, else its room's", () => {
    const ex = withZones([
      { id: 'hall', name: { en: 'Hall' }, room: 'hall' },
      { id: 'nook', name: { en: 'Nook' }, room: 'gallery', polygon: [[8, 0], [10, 0], [10, 3], [8, 3]] },
    ]);
    expect(zoneArea(ex, ex.zones[0]!)).toBe(48);
    expect(zoneArea(ex, ex.zones[1]!)).toBe(6);
  });

  it("a work's zone: its zone field, else its room's zone, else a zone polygon around it", () => {
    const byField = withZones([{ id: 'paintings', name: { en: 'P' }, room: 'hall' }, { id: 'other', name: { en: 'O' }, room: 'gallery' }], false);
    expect(zoneOfArtwork(byField, byField.artworks.find((a) => a.id === 'sunrise')!)).toBe('paintings');
    const byRoom = withZones([{ id: 'g', name: { en: 'G' }, room: 'gallery' }]);
    expect(zoneOfArtwork(byRoom, byRoom.artworks.find((a) => a.id === 'vase')!)).toBe('g'); // posed at [11, 3]
    expect(zoneOfArtwork(byRoom, byRoom.artworks.find((a) => a.id === 'sunrise')!)).toBeUndefined();
    const byPolygon = withZones([{ id: 'middle', name: { en: 'M' }, polygon: [[10, 2], [12, 2], [12, 4], [10, 4]] }]);
    expect(zoneOfArtwork(byPolygon, byPolygon.artworks.find((a) => a.id === 'vase')!)).toBe('middle');
    const elsewhere = withZones([{ id: 'edge', name: { en: 'E' }, room: 'gallery', polygon: [[13, 0], [14, 0], [14, 1], [13, 1]] }]);
    expect(zoneOfArtwork(elsewhere, elsewhere.artworks.find((a) => a.id === 'vase')!)).toBeUndefined();
  });
});

describe('crowding', () => {
  it('is quiet under 0.3 people/m², busy under 0.7, crowded from 0.7', () => {
    expect(crowdingOf(0, 100)).toBe('quiet');
    expect(crowdingOf(29, 100)).toBe('quiet');
    expect(crowdingOf(30, 100)).toBe('busy');
    expect(crowdingOf(69, 100)).toBe('busy');
    expect(crowdingOf(70, 100)).toBe('crowded');
    expect(crowdingOf(5, 100, { busy: 0.01, crowded: 0.05 })).toBe('crowded');
  });
});
