import { describe, expect, it } from 'vitest';
import type { Exhibition, ExhibitionInput } from '../twin/schema';
import { minimalExhibition } from '../twin/fixtures';
import { validateExhibition } from '../twin/validate';
import { roomLights, workLight } from './light-levels';

function load(edit: (ex: ExhibitionInput & { space: { rooms: Record<string, unknown>[] }; artworks: Record<string, unknown>[] }) => void): Exhibition {
  const ex = minimalExhibition() as Parameters<typeof edit>[0];
  edit(ex);
  const r = validateExhibition(ex);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.exhibition;
}

function problems(edit: Parameters<typeof load>[0]): string[] {
  const ex = minimalExhibition() as Parameters<typeof edit>[0];
  edit(ex);
  const r = validateExhibition(ex);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('lighting in the format', () => {
  it('takes a room’s and a work’s illuminance in lux, and the 3D light follows them', () => {
    const ex = load((e) => {
      e.space.rooms[0]!.lighting = { illuminance: 50 };
      e.space.rooms[1]!.lighting = { use: 'hall', illuminance: 400 };
      e.artworks[0]!.lighting = { illuminance: 200 };
    });
    const rooms = roomLights(ex);
    const hall = rooms.get('hall')!;
    const gallery = rooms.get('gallery')!;
    expect(hall).toMatchObject({ lux: 50, from: 'format' });
    expect(gallery).toMatchObject({ lux: 400, use: 'hall', from: 'format' });
    // A dim room is drawn dimmer, but the eye adapts: not a quarter of the bright room's level.
    expect(hall.ambient).toBeLessThan(gallery.ambient);
    expect(hall.ambient).toBeGreaterThan(gallery.ambient / 2);
    const sunrise = workLight(ex.artworks[0]!, hall);
    expect(sunrise).toMatchObject({ lux: 200, from: 'format' });
    // The same 200 lx spot shows a stronger pool in the 50 lx room than in a 400 lx one.
    expect(sunrise.pool).toBeGreaterThan(workLight(ex.artworks[0]!, gallery).pool);
  });

  it('is optional: rooms take a level by their use or their works, works their light limit', () => {
    const ex = load((e) => {
      e.artworks[0]!.environment = { light: 'high' };
    });
    const rooms = roomLights(ex);
    // A work on paper (CIE high responsivity, 50 lx) makes its room a dim cabinet; the room of objects only is a bright hall.
    expect(rooms.get('hall')).toMatchObject({ use: 'cabinet', lux: 50, from: 'works' });
    expect(rooms.get('gallery')).toMatchObject({ use: 'hall', lux: 300, from: 'works' });
    expect(workLight(ex.artworks[0]!, rooms.get('hall'))).toMatchObject({ lux: 50, from: 'limit' });
  });

  it('refuses a level no light meter reads, naming the field', () => {
    expect(problems((e) => (e.space.rooms[0]!.lighting = { illuminance: -5 })).join()).toMatch(/space\.rooms\[0\]\.lighting\.illuminance.*0 lx or more/);
    expect(problems((e) => (e.artworks[0]!.lighting = { illuminance: 1e6 })).join()).toMatch(/artworks\[0\]\.lighting\.illuminance.*100,000 lx/);
    expect(problems((e) => (e.space.rooms[1]!.lighting = { use: 'ballroom' as never })).join()).toMatch(/space\.rooms\[1\]\.lighting\.use/);
  });
});
