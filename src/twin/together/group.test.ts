import { describe, expect, it } from 'vitest';
import { TogetherGroup } from './group';
import { parseClientMessage, quantisePresence } from './protocol';

function groupOfThree() {
  const g = new TogetherGroup('ACD-EFG-HJK', 'demo');
  const guide = g.createGuide('Ms Rossi');
  const a = g.join('Ana', undefined);
  const b = g.join('Ben', undefined);
  if (!a.ok || !b.ok) throw new Error('join failed');
  return { g, guide, ana: a.participant, ben: b.participant };
}

describe('a group visit', () => {
  it('lists everyone in joined order with their roles, and the guide leads', () => {
    const { g, guide } = groupOfThree();
    const r = g.roster();
    expect(r.participants.map((p) => [p.name, p.role])).toEqual([
      ['Ms Rossi', 'guide'],
      ['Ana', 'participant'],
      ['Ben', 'participant'],
    ]);
    expect(r.leader).toBe(guide.id);
  });

  it('only guides lock, remove, gather, open and end; participants may not', () => {
    const { g, guide, ana, ben } = groupOfThree();
    for (const action of ['lock', 'remove', 'gather', 'open', 'end', 'role'] as const) {
      expect(g.may(ana.id, action)).toBe(false);
      expect(g.may(guide.id, action)).toBe(true);
    }
    expect(g.remove(ana.id, ben.id)).toBe(false);
    expect(g.setLocked(ana.id, true)).toBe(false);
    expect(g.locked).toBe(false);
  });

  it('a locked group lets nobody new in, but lets someone who dropped back in', () => {
    const { g, guide, ana } = groupOfThree();
    expect(g.setLocked(guide.id, true)).toBe(true);
    expect(g.join('Cleo', undefined)).toEqual({ ok: false, reason: 'locked' });
    g.disconnected(ana.id, 1000);
    const back = g.join('Ana', ana.token);
    expect(back.ok && back.rejoined && back.participant.id).toBe(ana.id);
  });

  it('a removed participant cannot come back with their token, even once the group is unlocked', () => {
    const { g, guide, ben } = groupOfThree();
    expect(g.remove(guide.id, ben.id)).toBe(true);
    expect(g.roster().participants.map((p) => p.name)).toEqual(['Ms Rossi', 'Ana']);
    expect(g.join('Ben', ben.token)).toEqual({ ok: false, reason: 'removed' });
    expect(g.remove(guide.id, guide.id)).toBe(false); // nobody removes the guide
  });

  it('when the guide drops, a co-guide leads and may end the group; the guide back leads again', () => {
    const { g, guide, ana, ben } = groupOfThree();
    expect(g.setRole(ana.id, ben.id, 'co-guide')).toBe(false); // only the guide names co-guides
    expect(g.setRole(guide.id, ana.id, 'co-guide')).toBe(true);
    expect(g.may(ana.id, 'end')).toBe(false); // not while the guide leads
    g.disconnected(guide.id, 5000);
    expect(g.leader()?.id).toBe(ana.id);
    expect(g.roster().leader).toBe(ana.id);
    expect(g.may(ana.id, 'end')).toBe(true);
    expect(g.may(ana.id, 'role')).toBe(false);
    g.join('Ms Rossi', guide.token);
    expect(g.leader()?.id).toBe(guide.id);
  });

  it('forgets people away past the grace period, and everyone when it ends', () => {
    const { g, guide, ana, ben } = groupOfThree();
    g.disconnected(ben.id, 0);
    expect(g.forgetAway(10_000, 30_000)).toEqual([]);
    expect(g.forgetAway(30_000, 30_000)).toEqual([ben.id]);
    expect(g.join('Ben', ben.token).ok && g.size).toBe(3); // a new place: the old one is gone
    expect(g.end(ana.id)).toBe(false);
    expect(g.end(guide.id)).toBe(true);
    expect(g.roster().participants).toEqual([]);
    expect(g.join('Ana', ana.token)).toEqual({ ok: false, reason: 'ended' });
  });

  it('refuses joins past its size', () => {
    const g = new TogetherGroup('ACD-EFG-HJK', 'demo', 3);
    g.createGuide('G');
    g.join('a', undefined);
    g.join('b', undefined);
    expect(g.join('c', undefined)).toEqual({ ok: false, reason: 'full' });
  });
});

describe('presence', () => {
  it('is quantised, and an unchanged position is not relayed twice', () => {
    const { g, ana } = groupOfThree();
    g.setPresence(ana.id, { p: [1.234, 0, 2.011], h: 359.3, room: 'hall' });
    expect(g.takeChangedPresence()).toEqual([{ id: ana.id, p: [1.25, 0, 2], h: 0, room: 'hall' }]);
    g.setPresence(ana.id, { p: [1.24, 0, 2.01], h: 0.4, room: 'hall' }); // the same after quantising
    expect(g.takeChangedPresence()).toEqual([]);
    g.setPresence(ana.id, { p: [1.24, 0, 2.01], h: 0.4, room: 'hall', pointer: 'sunrise' });
    expect(g.takeChangedPresence()[0]?.pointer).toBe('sunrise');
  });

  it('quantises headings into [0, 360)', () => {
    expect(quantisePresence({ p: [0, 0, 0], h: -90 }).h).toBe(270);
    expect(quantisePresence({ p: [0, 0, 0], h: 721 }).h).toBe(2);
  });

  it('refuses messages that break the contract with a sentence naming the problem', () => {
    expect(parseClientMessage('{"type":"presence","p":[1,2],"h":0}')).toEqual({ ok: false, message: expect.stringMatching(/^bad message at p/) });
    expect(parseClientMessage('{"type":"presence","p":[1,0,2],"h":0,"extra":1}').ok).toBe(false);
    expect(parseClientMessage('{"type":"open","artwork":"<x>"}').ok).toBe(false);
    expect(parseClientMessage('not json')).toEqual({ ok: false, message: 'a message must be JSON' });
    expect(parseClientMessage('x'.repeat(5000)).ok).toBe(false);
    expect(parseClientMessage('{"type":"presence","p":[1,0,2],"h":90,"room":"hall","selected":"sunrise"}').ok).toBe(true);
  });
});
