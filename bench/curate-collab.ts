/**
 * Co-curation under load (a script, not a test):
 *   npm run bench:curate [-- --works 1000] [--curators 20] [--rounds 10] [--interval 1000]
 *
 * Starts the server in this process on a generated exhibition (src/cli/generated-exhibition.ts) with a temporary
 * data folder, signs in N curators and connects each with a HocuspocusProvider (as the /curate page does).
 * Every curator then moves a work once per interval (staggered), for the given rounds; every other curator's
 * document reports when the move arrives. Prints:
 * - edit latency to the others: p50, p95, max over every (edit, receiver) pair (target: p95 < 200 ms);
 * - opening the curating view's document: the provider's sync of the draft (first open: the server seeds the
 *   draft; later: an open draft), then docToExhibition and the validation the page runs on it.
 * With `uptime` before and after: the machine is shared.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { planExhibition } from '../src/cli/generated-exhibition';
import { AccountStore } from '../src/server/accounts/store';
import { artworksMap, docToExhibition } from '../src/server/collab/doc-model';
import { connect, PASSWORD, type TestClient } from '../src/server/collab/testing';
import { startServer } from '../src/server/server';
import { Exhibition } from '../src/twin/schema';
import { validateExhibition } from '../src/twin/validate';
import { docReader } from '../src/twin/curate-edits';
import { clearOffset, SNAP_M } from '../src/twin/curate-placement';

const argv = process.argv.slice(2);
const num = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const WORKS = num('works', 1000);
const CURATORS = num('curators', 20);
const ROUNDS = num('rounds', 10);
const INTERVAL = num('interval', 1000);
const ROOT = resolve(import.meta.dirname, '..');

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  console.log(`uptime: ${execSync('uptime').toString().trim()}`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-curate-'));
  const template = Exhibition.parse(JSON.parse(readFileSync(join(ROOT, 'assets/default/exhibition.json'), 'utf8')));
  const ex = planExhibition(template, { works: WORKS }).exhibition as unknown as { id: string; artworks: { id: string; placement: { kind: string } }[] };
  const file = join(dir, 'exhibition.json');
  writeFileSync(file, JSON.stringify(ex));
  const accounts = AccountStore.open(dir);
  const names = Array.from({ length: CURATORS }, (_, i) => `curator${i + 1}`);
  for (const name of names) await accounts.add({ name, role: 'curator', community: null, password: PASSWORD });
  accounts.close();
  const server = await startServer({ port: 0, mqttPort: 0, serveApp: false, dataDir: dir, exhibitions: [file], log: false });
  const clients: TestClient[] = [];
  try {
    const cookies = await Promise.all(
      names.map(async (name) => {
        const r = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORD }) });
        return r.headers.getSetCookie()[0]!.split(';')[0]!;
      }),
    );

    // Opening the curating view's document: sync, then what the page computes from it.
    const open = async (cookie: string): Promise<{ sync: number; ready: number; client: TestClient }> => {
      const t0 = performance.now();
      const client = await connect(server, cookie, ex.id);
      const sync = performance.now() - t0;
      validateExhibition(docToExhibition(client.doc));
      return { sync, ready: performance.now() - t0, client };
    };
    const first = await open(cookies[0]!);
    clients.push(first.client);
    const later: { sync: number; ready: number }[] = [];
    for (const cookie of cookies.slice(1)) {
      const o = await open(cookie);
      later.push(o);
      clients.push(o.client);
    }
    const kb = (Y.encodeStateAsUpdate(first.client.doc).byteLength / 1024).toFixed(0);

    // Every receiver records when each move arrives; a move's value names it.
    const sentAt = new Map<string, { at: number; by: number }>();
    const latencies: number[] = [];
    clients.forEach((c, i) =>
      artworksMap(c.doc).observeDeep((events) => {
        const now = performance.now();
        for (const e of events) {
          if (!(e instanceof Y.YMapEvent) || !e.keysChanged.has('offset')) continue;
          const sent = sentAt.get(`${String(e.path[0])}@${String(e.target.get('offset'))}`);
          if (sent && sent.by !== i) latencies.push(now - sent.at);
        }
      }),
    );
    const walls = ex.artworks.filter((w) => w.placement.kind === 'wall').map((w) => w.id);
    let n = 0;
    const edits: Promise<void>[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (let c = 0; c < CURATORS; c++) {
        edits.push(
          new Promise((done) =>
            setTimeout(() => {
              // A move as the curating view makes one: to the next clear place on the grid (the server refuses
              // a move onto another work or a doorway), named by the work and its new offset.
              const doc = clients[c]!.doc;
              for (let tries = 0; tries < walls.length; tries++) {
                const id = walls[n++ % walls.length]!;
                const placement = artworksMap(doc).get(id)!.get('placement') as Y.Map<unknown>;
                const now = placement.get('offset') as number;
                const reader = docReader(doc);
                const work = reader.placed().find((w) => w.id === id)!;
                const next = [now + SNAP_M, now - SNAP_M].map((o) => clearOffset(reader.space()!, work, reader.placed(), o)).find((o) => o !== undefined && o !== now);
                if (next === undefined) continue;
                sentAt.set(`${id}@${next}`, { at: performance.now(), by: c });
                placement.set('offset', next);
                break;
              }
              done();
            }, r * INTERVAL + (c * INTERVAL) / CURATORS),
          ),
        );
      }
    }
    await Promise.all(edits);
    const expected = ROUNDS * CURATORS * (CURATORS - 1);
    const deadline = performance.now() + 30_000;
    while (latencies.length < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const sorted = [...latencies].sort((a, b) => a - b);

    console.log(`\n${WORKS} works, ${CURATORS} curators, ${ROUNDS * CURATORS} moves (one per curator every ${INTERVAL} ms), draft ${kb} KB`);
    console.log(`edit latency to the others (${sorted.length}/${expected} deliveries): p50 ${ms(pct(sorted, 50))}, p95 ${ms(pct(sorted, 95))}, max ${ms(sorted.at(-1) ?? NaN)}  (target p95 < 200 ms)`);
    const laterSorted = later.map((l) => l.ready).sort((a, b) => a - b);
    console.log(`open the curating view's document: first (server seeds the draft) sync ${ms(first.sync)}, ready ${ms(first.ready)}; later opens ready p50 ${ms(pct(laterSorted, 50))}, max ${ms(laterSorted.at(-1) ?? NaN)}  (target < 3 s)`);
    console.log(`uptime: ${execSync('uptime').toString().trim()}`);
  } finally {
    for (const c of clients) c.destroy();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
