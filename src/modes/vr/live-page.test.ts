import { describe, expect, it } from 'vitest';
import type { Alert, LiveSnapshot } from '../../twin/live/contract';
import { activeAlerts, livePageKey } from './live-page';

const alert = (id: string, since: string): Alert => ({ id, exhibition: 'ex', zone: 'z', artworks: ['w'], quantity: 'humidity', kind: 'above', value: 78, limit: 60, since });
const snap = (time: string, alerts: Alert[], rh = 45): LiveSnapshot => ({
  exhibition: 'ex',
  time,
  staleAfterMinutes: 15,
  zones: {},
  artworks: { w: { id: 'w', zone: 'z', values: { humidity: { value: rh, time, stale: false } }, limits: {}, fluctuation24h: {}, alerts: [] } },
  alerts,
});

describe('the wrist menu’s Live page', () => {
  it('lists alerts newest first', () => {
    expect(activeAlerts(snap('2026-12-06T10:00:00Z', [alert('old', '2026-12-06T08:00:00Z'), alert('new', '2026-12-06T09:00:00Z')])).map((a) => a.id)).toEqual(['new', 'old']);
    expect(activeAlerts(undefined)).toEqual([]);
  });

  it('redraws only when what it shows changes, not on every snapshot', () => {
    const a = snap('2026-12-06T10:00:01Z', []);
    const b = snap('2026-12-06T10:00:40Z', []);
    expect(livePageKey('live', a, 'w')).toBe(livePageKey('live', b, 'w'));
    expect(livePageKey('live', snap('2026-12-06T10:00:41Z', [], 50), 'w')).not.toBe(livePageKey('live', a, 'w'));
    expect(livePageKey('live', a, undefined)).not.toBe(livePageKey('live', a, 'w'));
    // The main page shows only how many alerts there are.
    expect(livePageKey('main', snap('2026-12-06T10:00:41Z', [], 50), 'w')).toBe(livePageKey('main', a, undefined));
    expect(livePageKey('main', snap('2026-12-06T10:00:41Z', [alert('x', '2026-12-06T10:00:00Z')]), 'w')).not.toBe(livePageKey('main', a, 'w'));
  });
});
