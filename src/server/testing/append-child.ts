/**
 * A stand-in for the server in the durability test: appends readings to a history store in batches, forever,
 * printing `acked <count>` after each append resolves (the moment the server would acknowledge a QoS 1 publish).
 * The test SIGKILLs it and checks that every acknowledged reading is stored.
 *
 *   node --import tsx src/server/testing/append-child.ts '{"dataDir": "…", "databaseUrl": "…", "exhibition": "…"}'
 */
import type { Reading } from '../../twin/live/contract';
import { openHistoryStore } from '../history/index';

const args = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; databaseUrl?: string; exhibition: string };
const store = await openHistoryStore(args);
const start = Date.parse('2026-06-01T00:00:00Z');
let acked = 0;
for (;;) {
  const batch: Reading[] = Array.from({ length: 50 }, (_, i) => ({
    exhibition: args.exhibition,
    target: { kind: 'zone', id: `zone-${i % 5}` },
    quantity: 'humidity',
    value: 50,
    time: new Date(start + (acked + i) * 1000).toISOString(),
  }));
  await store.append(batch);
  acked += batch.length;
  process.stdout.write(`acked ${acked}\n`);
}
