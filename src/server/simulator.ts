/**
 * A built-in stand-in for the galleries' sensors, so the twin visibly lives from the first minute of `npm start`.
 * It is an ordinary MQTT client publishing as the `sensor` user (QoS 1), through the same broker, parser and
 * history as real sensors: nothing in the server knows it is simulated.
 *
 * Every zone reports temperature (~20–22 °C), relative humidity (~45–55 %, a slow daily cycle opposite to the
 * temperature), illuminance by time of day (lights off when the museum is closed), a little UV, and visitors that
 * wander, with one or two popular rooms becoming busy at the midday and afternoon peaks. `seed` makes it repeatable.
 * MUSEUM_SIMULATOR=off turns it off (real sensors, tests).
 */
import { connect, type MqttClient } from 'mqtt';
import { topicOf, zoneArea, type Quantity } from '../twin/live/index';
import type { Exhibition } from '../twin/schema';
import { seededRandom } from '../twin/random';

/** Opening hours, in the server's local time. */
export const OPENING_HOUR = 10;
export const CLOSING_HOUR = 18;

interface ZoneCharacter {
  readonly id: string;
  readonly tempOffset: number;
  readonly rhOffset: number;
  readonly lux: number; // lighting level when open
  readonly popularity: number; // people at the peak
  visitors: number;
}

export interface SimulatedReading {
  readonly topic: string;
  readonly value: number;
}

/** The simulated building: one character per zone, drawn once from the seed. */
export class SimulatedGalleries {
  private readonly random: () => number;
  private readonly zones: ZoneCharacter[];

  constructor(
    private readonly exhibition: Exhibition,
    seed: number,
  ) {
    this.random = seededRandom(seed);
    const popular = Math.floor(this.random() * Math.max(1, exhibition.zones.length));
    this.zones = exhibition.zones.map((z, i) => ({
      id: z.id,
      tempOffset: (this.random() - 0.5) * 0.8,
      rhOffset: (this.random() - 0.5) * 4,
      lux: Math.round(50 + this.random() * 150), // 50 lx for works on paper up to 200 lx for sculpture
      // People at the peak, from the floor area: the popular room gets busy (about 0.5 people per m²), others stay quiet.
      popularity: Math.round((zoneArea(exhibition, z) ?? 50) * (i === popular ? 0.55 : 0.05 + this.random() * 0.2)),
      visitors: 0,
    }));
  }

  /** Readings for every zone at `at` (and the visitors' random walk one step on). */
  readings(at: Date): SimulatedReading[] {
    const hour = at.getHours() + at.getMinutes() / 60;
    const open = hour >= OPENING_HOUR && hour < CLOSING_HOUR;
    const daily = Math.sin((2 * Math.PI * (hour - 9)) / 24); // warmest mid-afternoon
    // Two visiting peaks, late morning and mid-afternoon.
    const crowd = open ? 0.35 + 0.65 * Math.max(Math.exp(-((hour - 11.5) ** 2) / 2), Math.exp(-((hour - 15) ** 2) / 2)) : 0;
    const noise = (spread: number) => (this.random() - 0.5) * 2 * spread;
    const out: SimulatedReading[] = [];
    const add = (zone: string, quantity: Quantity, value: number, digits: number) =>
      out.push({ topic: topicOf({ exhibition: this.exhibition.id, target: { kind: 'zone', id: zone }, quantity }), value: Number(value.toFixed(digits)) });
    for (const z of this.zones) {
      add(z.id, 'temperature', 21 + z.tempOffset + 0.6 * daily + noise(0.1), 2);
      add(z.id, 'humidity', 50 + z.rhOffset - 3 * daily + noise(0.3), 1);
      add(z.id, 'illuminance', open ? z.lux * (0.95 + noise(0.05)) : 0, 0);
      add(z.id, 'uv', open ? 20 + noise(8) : 0, 1);
      const target = z.popularity * crowd;
      z.visitors = open ? Math.max(0, Math.round(z.visitors + (target - z.visitors) * 0.3 + noise(2))) : 0;
      add(z.id, 'visitors', z.visitors, 0);
    }
    return out;
  }
}

export interface SimulatorOptions {
  /** The broker as a sensor reaches it: ws://…/mqtt of this server, or the external broker. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  readonly exhibitions: readonly Exhibition[];
  readonly intervalMs: number;
  readonly seed?: number | undefined;
  readonly log: (line: string) => void;
}

export interface Simulator {
  readonly client: MqttClient;
  stop(): Promise<void>;
}

/** Connects as a sensor and publishes one round at once, then one every `intervalMs`. */
export async function startSimulator(o: SimulatorOptions): Promise<Simulator> {
  const seed = o.seed ?? Date.now() % 2 ** 31;
  const galleries = o.exhibitions.map((ex, i) => new SimulatedGalleries(ex, seed + i));
  const client = connect(o.url, { username: o.username, password: o.password, clientId: `museum-twin-simulator-${seed}`, reconnectPeriod: 2000 });
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', (e) => {
      client.end(true);
      reject(new Error(`The simulator cannot connect to ${o.url}: ${e.message}`));
    });
  });
  client.on('error', (e) => o.log(`Simulator: ${e.message}`));
  const round = () => {
    const time = new Date();
    for (const g of galleries) {
      for (const r of g.readings(time)) client.publish(r.topic, JSON.stringify({ value: r.value, time: time.toISOString() }), { qos: 1 });
    }
  };
  round();
  const timer = setInterval(round, o.intervalMs);
  return {
    client,
    stop: () => {
      clearInterval(timer);
      return new Promise<void>((resolve) => client.end(false, {}, () => resolve()));
    },
  };
}
