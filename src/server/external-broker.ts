/**
 * An existing broker (Mosquitto, EMQX, HiveMQ) instead of the embedded one, for museums that run several servers
 * or already have MQTT. The server is one client among the sensors: a persistent session at QoS 1, so readings
 * published while it restarts wait at the broker; each QoS 1 reading is acknowledged only after the history
 * write (mqtt.js `handleMessage`). Who may publish what is the broker's ACL (README shows a Mosquitto one).
 */
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { createHash } from 'node:crypto';
import type { Ingest, Publisher } from './ingest';

/** Every reading topic: zone sensors (4 levels) and sensors at a work (5 levels). Alerts (3 levels) are not matched. */
export const SENSOR_SUBSCRIPTIONS = ['museum/+/+/+', 'museum/+/artworks/+/+'] as const;

export interface ExternalBroker extends Publisher {
  readonly client: MqttClient;
  close(): Promise<void>;
}

export interface ExternalBrokerOptions {
  readonly url: string;
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly ingest: Ingest;
  /** Stable per data folder, so a restarted server resumes its session. */
  readonly sessionKey: string;
  readonly log: (line: string) => void;
}

export async function connectExternalBroker(o: ExternalBrokerOptions): Promise<ExternalBroker> {
  const url = new URL(o.url);
  const username = o.username ?? (url.username ? decodeURIComponent(url.username) : undefined);
  const password = o.password ?? (url.password ? decodeURIComponent(url.password) : undefined);
  url.username = '';
  url.password = '';
  const clientId = `museum-twin-${createHash('sha256').update(o.sessionKey).digest('hex').slice(0, 16)}`;
  const options: IClientOptions = {
    clientId,
    clean: false,
    username,
    password,
    reconnectPeriod: 2000,
    connectTimeout: 10_000,
  };
  const client = connect(url.href, options);
  // mqtt.js sends the PUBACK of a QoS 1 message only once handleMessage calls back (its documented hook for
  // back-pressure; `customHandleAcks` exists for MQTT 5 only): the reading is stored first. An error means no
  // acknowledgement, so the broker redelivers it on the next connection of this persistent session.
  client.handleMessage = (packet, callback) => {
    if (packet.cmd !== 'publish') return callback();
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    o.ingest.handle(packet.topic, payload).then(
      () => callback(),
      (e: unknown) => {
        o.log(`A reading on ${packet.topic} could not be stored, so it is not acknowledged: ${(e as Error).message}`);
        callback(e instanceof Error ? e : new Error(String(e)));
      },
    );
  };
  client.on('error', (e) => o.log(`Broker ${url.host}: ${e.message}`));

  await new Promise<void>((resolve, reject) => {
    const fail = (e: Error) => {
      client.end(true);
      reject(new Error(`Cannot connect to the broker at ${url.href}: ${e.message}`));
    };
    client.once('error', fail);
    client.once('connect', (connack) => {
      client.off('error', fail);
      // A resumed session keeps its subscriptions; subscribing again is harmless and covers a new broker.
      if (connack.sessionPresent) return resolve();
      client.subscribe([...SENSOR_SUBSCRIPTIONS], { qos: 1 }, (err) => (err ? reject(new Error(`The broker refused the subscription: ${err.message}`)) : resolve()));
    });
  });
  client.on('connect', (connack) => {
    if (!connack.sessionPresent) client.subscribe([...SENSOR_SUBSCRIPTIONS], { qos: 1 });
  });

  return {
    client,
    publish(topic, payload, opts) {
      return new Promise((resolve, reject) => client.publish(topic, payload, opts, (err) => (err ? reject(err) : resolve())));
    },
    close: () => new Promise<void>((resolve) => client.end(false, {}, () => resolve())),
  };
}
