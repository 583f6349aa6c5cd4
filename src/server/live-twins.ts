/**
 * One LiveTwin (the pure model in src/twin/live/) per served exhibition, rebuilt from the history at start: the
 * last 24 h of readings (fluctuation windows, latest values, alerts in progress) and this year's lux-hours.
 */
import { LiveTwin, exhibitionSensors, parseSensorMessage, zoneOfArtwork, type ExhibitionSensors, type LiveTwinOptions } from '../twin/live/index';
import type { ServedExhibition } from './exhibitions';
import type { HistoryStore } from './history/index';
import type { ParseOutcome, TwinPort } from './ingest';

const DAY = 86_400_000;

export type Twins = ReadonlyMap<string, TwinPort> & {
  /** The sensor message parser, bound to these exhibitions' zones and works. */
  readonly parse: (topic: string, payload: Buffer, now: Date) => ParseOutcome;
};

export async function createTwins(
  exhibitions: ReadonlyMap<string, ServedExhibition>,
  history: HistoryStore,
  now: Date,
  options: LiveTwinOptions,
): Promise<Twins> {
  const twins = new Map<string, TwinPort>();
  const sensors = new Map<string, ExhibitionSensors>();
  for (const [id, served] of exhibitions) {
    const twin = new LiveTwin(served.exhibition, options);
    const [recent, bySeries] = await Promise.all([history.recent(id, new Date(now.getTime() - DAY)), history.luxHoursThisYear(id, now)]);
    // The history integrates each illuminance sensor; a work was lit as its own showcase sensor saw, or else its zone's.
    const luxHours: Record<string, number> = {};
    for (const art of served.exhibition.artworks) {
      const zone = zoneOfArtwork(served.exhibition, art);
      const used = bySeries[`artwork:${art.id}`] ?? (zone !== undefined ? bySeries[`zone:${zone}`] : undefined);
      if (used !== undefined) luxHours[art.id] = used;
    }
    twin.restore({ recent, luxHours, asOf: now.toISOString() });
    twins.set(id, twin);
    sensors.set(id, exhibitionSensors(served.exhibition));
  }
  const parse = (topic: string, payload: Buffer, at: Date): ParseOutcome => {
    const r = parseSensorMessage(topic, payload, { exhibitions: sensors, now: at });
    if (r.ok) return r;
    const exhibition = topic.split('/')[1];
    return { ok: false, rejection: r.rejection, exhibition: exhibition !== undefined && sensors.has(exhibition) ? exhibition : undefined };
  };
  return Object.assign(twins, { parse });
}
