import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Exhibition, type Artwork } from '../twin/schema';
import { groupOpenedView, HeadsetOpening, type HeadsetPanel } from './together-open';

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

/** A follower's headset: where they stand, and what its panel shows (the panel's own rules are the XR panel's). */
function headset(room: string) {
  const opened: string[] = [];
  const h = {
    room,
    panel: undefined as string | undefined,
    opened,
    viewer: () => ({ room: h.room }),
    panelState: () => (h.panel ? { artworkId: h.panel } : undefined),
    openWork: (id: string) => {
      opened.push(id);
      h.panel = id;
    },
  };
  return h satisfies HeadsetPanel;
}

describe('a work opened for the group in a following headset', () => {
  const VEILED = 'veiled-processional-object'; // restricted, in the cabinet
  const URN = 'cinerary-urn'; // advisory, in the cabinet

  it('opens a restricted work the guide opened once the follower has faded into its room, showing only the statement', () => {
    const vr = headset('hall');
    let moving = false;
    const open = new HeadsetOpening(ex, () => vr, () => moving);
    open.open(VEILED); // the guide's open comes first; she is still on her way
    expect(vr.opened).toEqual([]);
    moving = true; // the follower fades after the guide
    vr.room = 'cabinet';
    open.frame();
    expect(vr.opened).toEqual([]);
    moving = false;
    open.arrived();
    expect(vr.opened).toEqual([VEILED]);
    expect(groupOpenedView(work(VEILED), 'vr', () => true)).toBe('restricted');
    expect(open.pending).toBeUndefined();
  });

  it('opens it on a later frame when the arrival is seen before the headset is in the room', () => {
    const vr = headset('hall');
    const open = new HeadsetOpening(ex, () => vr, () => false);
    open.open(VEILED);
    open.arrived();
    expect(vr.opened).toEqual([]);
    vr.room = 'cabinet';
    open.frame();
    expect(vr.opened).toEqual([VEILED]);
    expect(open.pending).toBeUndefined();
  });

  it('opens a work in the room at once, opens it again after the follow that closed it, and never every frame', () => {
    const vr = headset('cabinet');
    vr.panel = URN;
    let moving = false;
    const open = new HeadsetOpening(ex, () => vr, () => moving);
    open.open(VEILED);
    expect(vr.opened).toEqual([VEILED]); // the urn's panel is replaced by the veiled object's
    vr.panel = undefined; // the follower's fade after the guide took them too far to read it
    moving = true;
    open.frame();
    moving = false;
    open.frame();
    expect(vr.opened).toEqual([VEILED]); // not before the arrival
    open.arrived();
    expect(vr.opened).toEqual([VEILED, VEILED]);
    vr.panel = undefined; // the visitor closes it: it stays closed
    for (let i = 0; i < 3; i++) open.frame();
    expect(vr.opened).toEqual([VEILED, VEILED]);
  });

  it('waits for nothing once a newer work is opened or the group is gone', () => {
    const vr = headset('hall');
    const open = new HeadsetOpening(ex, () => vr, () => false);
    open.open(URN);
    open.open('dawn-over-the-marsh'); // in the hall: at once
    expect(vr.opened).toEqual(['dawn-over-the-marsh']);
    open.open(VEILED); // in the cabinet: waits for the follower there
    open.clear(); // the group ends (or the follower stops following, or leaves the headset)
    vr.room = 'cabinet';
    open.arrived();
    open.frame();
    expect(vr.opened).toEqual(['dawn-over-the-marsh']);
    expect(open.pending).toBeUndefined();
  });
});
