/**
 * The embedded MQTT broker (aedes): browsers over WebSocket at /mqtt on the app's own origin, real sensors over
 * TCP. Anonymous clients may subscribe and never publish; the `sensor` user may publish sensor readings only.
 *
 * A sensor message is ingested inside authorizePublish, before aedes writes the QoS 1 PUBACK: the reading is in
 * the history when the sensor hears it was received. A malformed reading from a sensor is acknowledged (so the
 * sensor does not resend it forever), counted in the sensor health view and never forwarded to anyone.
 */
import { Aedes, type AuthenticateError, type Client, type PublishPacket } from 'aedes';
import { createServer, type Server as NetServer } from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { Ingest, Publisher } from './ingest';
import { isSensor, type SensorCredentials } from './sensor-auth';

/** museum/<ex>/<zone>/<quantity> or museum/<ex>/artworks/<artwork>/<quantity>: the only topics a sensor may use. */
const SENSOR_TOPIC = /^museum\/[^/]+\/(?:[^/]+\/[^/]+|artworks\/[^/]+\/[^/]+)$/;
/** Larger frames are dropped at the WebSocket layer; a reading is a few dozen bytes. */
const MAX_WS_FRAME = 64 * 1024;

export interface EmbeddedBroker extends Publisher {
  readonly aedes: Aedes;
  /** The TCP port sensors use, or undefined when off or busy. */
  readonly tcpPort: number | undefined;
  /** Hands a WebSocket upgrade request for /mqtt to the broker. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  readonly ingest: Ingest;
  readonly credentials: SensorCredentials;
  readonly host: string;
  /** 0: no TCP listener. */
  readonly mqttPort: number;
  readonly log: (line: string) => void;
}

const isSensorClient = new WeakSet<Client>();

export async function startEmbeddedBroker(o: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const aedes = await Aedes.createBroker({ heartbeatInterval: 60_000, drainTimeout: 10_000 });
  // Payloads of refused readings: acknowledged to the sensor, delivered to nobody.
  const refused = new WeakSet<Buffer>();

  aedes.authenticate = (client, username, password, done) => {
    if (username === undefined && password === undefined) return done(null, true); // anonymous: read-only
    if (isSensor(o.credentials, username, password)) {
      isSensorClient.add(client);
      return done(null, true);
    }
    const err = new Error('bad user name or password') as AuthenticateError;
    err.returnCode = 4 as AuthenticateError['returnCode']; // BAD_USERNAME_OR_PASSWORD
    done(err, false);
  };

  aedes.authorizePublish = (client, packet, done) => {
    if (!client) return done(new Error('no will messages on this broker'));
    if (!isSensorClient.has(client)) return done(new Error('anonymous clients may not publish'));
    if (!SENSOR_TOPIC.test(packet.topic)) return done(new Error(`sensors may publish only readings (museum/<exhibition>/<zone>/<quantity>), not on ${packet.topic}`));
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    packet.payload = payload;
    packet.retain = false; // the snapshot is the retained state, never a raw reading
    o.ingest.handle(packet.topic, payload).then(
      (result) => {
        if (!result.accepted) refused.add(payload);
        done(null);
      },
      // Storage failed: no acknowledgement; the connection closes and the sensor resends.
      (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
    );
  };

  aedes.authorizeForward = (_client, packet) => (refused.has(packet.payload as Buffer) ? null : packet);

  // Everyone may subscribe: what the server publishes is meant to be seen (the exhibition is public).
  aedes.authorizeSubscribe = (_client, sub, done) => done(null, sub);

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_FRAME });
  wss.on('connection', (ws, req) => {
    const stream = createWebSocketStream(ws);
    stream.on('error', () => ws.terminate());
    aedes.handle(stream, req);
  });

  let tcp: NetServer | undefined;
  let tcpPort: number | undefined;
  if (o.mqttPort !== 0) {
    const server = createServer((socket) => aedes.handle(socket));
    tcpPort = await new Promise<number | undefined>((resolve) => {
      server.once('error', (e: NodeJS.ErrnoException) => {
        o.log(`MQTT over TCP is off: port ${o.mqttPort} on ${o.host} is ${e.code === 'EADDRINUSE' ? 'already in use' : `unavailable (${e.message})`}; sensors can still publish over WebSocket at /mqtt. Set MUSEUM_MQTT_PORT to another port, or 0 to silence this.`);
        resolve(undefined);
      });
      server.listen(o.mqttPort, o.host, () => {
        const addr = server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : o.mqttPort);
      });
    });
    if (tcpPort !== undefined) tcp = server;
  }

  return {
    aedes,
    tcpPort,
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    publish(topic, payload, opts) {
      const packet: PublishPacket = { cmd: 'publish', topic, payload: Buffer.from(payload), qos: opts.qos, retain: opts.retain, dup: false };
      return new Promise((resolve, reject) => aedes.publish(packet, (err) => (err ? reject(err) : resolve())));
    },
    async close() {
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((r) => aedes.close(() => r())); // disconnects the clients, so the listener can close
      if (tcp) await new Promise<void>((r) => tcp.close(() => r()));
    },
  };
}
