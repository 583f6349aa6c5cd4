/**
 * Visit together under load (a script, not a test):
 *   npm run bench:together [-- --participants 100] [--seconds 20]
 *
 * Starts the server as a child process (`main.ts --production`, as `npm run serve` does, so its CPU is its own),
 * creates a group and joins N participants over WebSockets (src/server/together/test-client.ts). Every
 * participant then walks: a presence update every PRESENCE_INTERVAL_MS (the most the app sends), staggered; each
 * update carries a sequence number in its heading. The guide and every participant receive the group's batched
 * presence, as the app does. Prints:
 * - presence latency, send → seen by the guide: p50, p95, max (it includes the server's batching, up to 250 ms);
 * - chat latency, one line per participant → seen by the guide: p50, p95;
 * - the server process's CPU over the walking time (user + system, from /proc), as % of one core;
 * - traffic a client receives (the guide's socket), in KB/s (the target: under 20 KB/s).
 * With `uptime` before and after: the machine is shared, and these clients run on it too.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { EXHIBITION } from '../src/server/collab/testing';
import { childServers } from '../src/server/testing/child-server';
import { TogetherTestClient } from '../src/server/together/test-client';
import { PRESENCE_INTERVAL_MS } from '../src/twin/together/protocol';

const argv = process.argv.slice(2);
const num = (name: string, fallback: number): number => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const PARTICIPANTS = num('participants', 100);
const SECONDS = num('seconds', 20);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const uptime = () => execSync('uptime').toString().trim();
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

/** The process's CPU time so far in seconds (user + system; /proc/<pid>/stat fields 14 and 15, in clock ticks). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(execSync('getconf CLK_TCK').toString().trim());
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

async function main(): Promise<void> {
  console.log(`uptime before: ${uptime()}`);
  const servers = childServers('bench-together-', { MUSEUM_ADMIN_PASSWORD: 'bench-together-password' });
  const clients: TogetherTestClient[] = [];
  try {
    const { child, url } = await servers.start();
    const guide = new TogetherTestClient(url, false);
    clients.push(guide);
    const welcomed = new Promise<{ code: string; you: string }>((resolve) => (guide.onMessage = (m) => m.type === 'welcome' && resolve(m)));
    await guide.send({ type: 'create', name: 'Guide', exhibition: EXHIBITION.id });
    const { code } = await welcomed;

    const ids: string[] = [];
    for (let i = 0; i < PARTICIPANTS; i++) {
      const c = new TogetherTestClient(url, false);
      clients.push(c);
      const answer = new Promise<string>((resolve, reject) => (c.onMessage = (m) => (m.type === 'welcome' ? resolve(m.you) : m.type === 'refused' ? reject(new Error(`participant ${i + 1} was refused: ${m.message}`)) : undefined)));
      await c.send({ type: 'join', code, name: `Visitor ${i + 1}` });
      ids.push(await answer);
      c.onMessage = undefined;
    }
    console.log(`${PARTICIPANTS} participants joined group ${code}`);

    // Sent: `${id}:${sequence}` → when. The guide sees each id's latest per batch.
    const sent = new Map<string, number>();
    const presenceLatency: number[] = [];
    const chatSent = new Map<string, number>();
    const chatLatency: number[] = [];
    let bytes = 0;
    guide.ws.on('message', (data: Buffer) => (bytes += data.length));
    guide.onMessage = (m) => {
      const now = performance.now();
      if (m.type === 'presence') {
        for (const p of m.list) {
          const at = sent.get(`${p.id}:${p.h / 2}`);
          if (at !== undefined) presenceLatency.push(now - at);
        }
      } else if (m.type === 'chat') {
        const at = chatSent.get(m.text);
        if (at !== undefined) chatLatency.push(now - at);
      }
    };
    // Everyone else receives the batches too (the fan-out is the server's work), counting them only.
    let received = 0;
    for (const c of clients.slice(1)) c.onMessage = () => received++;

    const cpuStart = cpuSeconds(child.pid!);
    const wallStart = performance.now();
    const rounds = Math.floor((SECONDS * 1000) / PRESENCE_INTERVAL_MS);
    const walkers = ids.map((id, i) =>
      (async () => {
        await sleep((i / PARTICIPANTS) * PRESENCE_INTERVAL_MS); // staggered, as people are
        const c = clients[i + 1]!;
        for (let k = 1; k <= rounds && k < 180; k++) {
          const h = k * 2; // 2° steps survive quantisation: the sequence number comes back intact
          sent.set(`${id}:${k}`, performance.now());
          await c.send({ type: 'presence', p: [(i % 10) * 1.5, 0, Math.floor(i / 10) * 1.5 + k * 0.05], h, room: 'entrance-hall' });
          if (k === Math.floor(rounds / 2)) {
            const text = `question ${i + 1}`;
            chatSent.set(text, performance.now());
            await c.send({ type: 'chat', text });
          }
          await sleep(PRESENCE_INTERVAL_MS);
        }
      })(),
    );
    await Promise.all(walkers);
    await sleep(2 * PRESENCE_INTERVAL_MS); // the last batch
    const wall = (performance.now() - wallStart) / 1000;
    const cpu = cpuSeconds(child.pid!) - cpuStart;

    const p = [...presenceLatency].sort((a, b) => a - b);
    const c = [...chatLatency].sort((a, b) => a - b);
    console.log(`presence updates sent ${sent.size}, seen by the guide ${p.length} (the rest were superseded within a batch)`);
    console.log(`presence latency to the guide: p50 ${ms(pct(p, 50))}, p95 ${ms(pct(p, 95))}, max ${ms(p.at(-1) ?? NaN)} (batching alone adds up to ${PRESENCE_INTERVAL_MS} ms)`);
    console.log(`chat latency to the guide: p50 ${ms(pct(c, 50))}, p95 ${ms(pct(c, 95))} (${c.length} lines)`);
    console.log(`server CPU: ${((cpu / wall) * 100).toFixed(1)} % of one core over ${wall.toFixed(1)} s (${cpu.toFixed(2)} s)`);
    console.log(`traffic to one client (the guide): ${(bytes / 1024 / wall).toFixed(1)} KB/s; ${received} messages to the ${PARTICIPANTS} participants`);
    console.log(`uptime after: ${uptime()}`);
  } finally {
    for (const c of clients) c.ws.terminate();
    servers.cleanUp();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
