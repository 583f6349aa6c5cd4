import { describe, expect, it } from 'vitest';
import type { Alert, AlertEvent, LiveSnapshot } from '../../twin/live/contract';
import { liveFeedFor, XrLiveFeed } from './live-feed';

const alert: Alert = { id: 'a1', exhibition: 'ex', zone: 'cabinet', artworks: ['urn'], quantity: 'humidity', kind: 'above', value: 78.5, limit: 60, since: '2026-12-06T10:00:00Z' };
const work = (id: string, alerts: string[] = []) => ({ id, zone: 'cabinet', values: {}, limits: {}, fluctuation24h: {}, alerts });
const snap = (alerts: Alert[], artworks = { urn: work('urn'), saint: work('saint', alerts.map((a) => a.id)), vase: work('vase') }): LiveSnapshot => ({
  exhibition: 'ex',
  time: '2026-12-06T10:10:00Z',
  staleAfterMinutes: 15,
  zones: {},
  artworks,
  alerts,
});

describe('XrLiveFeed', () => {
  it('hands each snapshot and alert event to its observers, in that order', () => {
    const feed = new XrLiveFeed();
    const seen: string[] = [];
    feed.onSnapshotChangedObservable.add((s) => seen.push(`snapshot ${s?.alerts.length ?? 'none'}`));
    feed.onAlertObservable.add((e) => seen.push(`${e.event} ${e.alert.id}`));
    feed.publish(snap([]));
    const raised: AlertEvent = { event: 'raised', alert };
    feed.publish(snap([alert]), raised);
    expect(seen).toEqual(['snapshot 0', 'snapshot 1', 'raised a1']);
    expect(feed.snapshot?.alerts).toEqual([alert]);
  });

  it('finds the alerts at a work by the alert’s works or the work’s own list, none before any snapshot', () => {
    const feed = new XrLiveFeed();
    expect(feed.alertsAt('urn')).toEqual([]);
    feed.publish(snap([alert]));
    expect(feed.alertsAt('urn').map((a) => a.id)).toEqual(['a1']);
    expect(feed.alertsAt('saint').map((a) => a.id)).toEqual(['a1']);
    expect(feed.alertsAt('vase')).toEqual([]);
  });

  it('is one feed per visit', () => {
    const visit = {};
    expect(liveFeedFor(visit)).toBe(liveFeedFor(visit));
    expect(liveFeedFor({})).not.toBe(liveFeedFor(visit));
  });
});
