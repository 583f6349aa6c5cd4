/**
 * Real services for integration tests: Debian's Mosquitto, PostgreSQL and Redis, each started by the test on a free
 * loopback port in a temporary folder, and gone (process and files) after `stop()`.
 * Installed with apt-get on first use; when that fails the start rejects, so the test fails rather than skips.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensurePackage, tail } from './install';

const run = promisify(execFile);
const HOST = '127.0.0.1';

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect({ host: HOST, port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => (s.destroy(), resolve(false)));
  });

/** Resolves once the port accepts TCP connections; rejects when `failed()` says the process died, or on timeout. */
async function waitForPort(port: number, what: string, failed: () => string | undefined, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const why = failed();
    if (why !== undefined) throw new Error(`${what} did not start: ${why}`);
    if (await accepts(port)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not accept connections on ${HOST}:${port} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** uid and gid of a system user, or undefined when it does not exist. */
function idsOf(user: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

const isRoot = (): boolean => process.getuid?.() === 0;
const password = (): string => randomBytes(12).toString('hex');
const firstExisting = (paths: readonly string[]): string | undefined => paths.find((p) => existsSync(p));

export interface MosquittoOptions {
  /** Also listen for MQTT over WebSocket (as browsers connect) on a second port. */
  readonly websockets?: boolean;
}

export interface MosquittoService {
  /** mqtt://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** ws://127.0.0.1:<wsPort> when started with `websockets`. */
  readonly wsUrl?: string;
  readonly wsPort?: number;
  /** The sensors' account: may publish under museum/, may subscribe to everything. */
  readonly sensorUser: 'sensor';
  readonly sensorPassword: string;
  /** An account for the twin server itself: publishes alerts and snapshots (museum/#, twin/#). */
  readonly serverUser: 'server';
  readonly serverPassword: string;
  /** Its temporary folder (config, password file), deleted by stop(). */
  readonly dir: string;
  stop(): Promise<void>;
}

/**
 * Starts Debian's Mosquitto: password file (mosquitto_passwd) with `sensor` and `server`, and an ACL that lets
 * anonymous clients subscribe only, as a museum's own broker would be set up (see the README's scale-out notes).
 */
export async function startMosquitto(opts: MosquittoOptions = {}): Promise<MosquittoService> {
  const bins = await ensurePackage('mosquitto', () => {
    const broker = firstExisting(['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto']);
    const passwd = firstExisting(['/usr/bin/mosquitto_passwd', '/usr/local/bin/mosquitto_passwd']);
    return broker && passwd ? { broker, passwd } : undefined;
  });
  const dir = mkdtempSync(join(tmpdir(), 'museum-mosquitto-'));
  const sensorPassword = password();
  const serverPassword = password();
  const port = await freePort();
  const wsPort = opts.websockets ? await freePort() : undefined;
  const passwdFile = join(dir, 'passwd');
  const aclFile = join(dir, 'acl');
  try {
    await run(bins.passwd, ['-b', '-c', passwdFile, 'sensor', sensorPassword]);
    await run(bins.passwd, ['-b', passwdFile, 'server', serverPassword]);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`mosquitto_passwd failed: ${tail(e)}`);
  }
  // Lines before the first `user` apply to anonymous clients.
  writeFileSync(aclFile, ['topic read #', '', 'user sensor', 'topic write museum/#', 'topic read #', '', 'user server', 'topic readwrite #', ''].join('\n'));
  const conf = [
    'per_listener_settings false',
    'allow_anonymous true',
    `password_file ${passwdFile}`,
    `acl_file ${aclFile}`,
    'persistence false',
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    `listener ${port} ${HOST}`,
    'protocol mqtt',
    ...(wsPort ? [`listener ${wsPort} ${HOST}`, 'protocol websockets'] : []),
    '',
  ].join('\n');
  const confFile = join(dir, 'mosquitto.conf');
  writeFileSync(confFile, conf);
  // As root, Mosquitto drops to its own user: it must still read its files, and nobody else may.
  const owner = isRoot() ? idsOf('mosquitto') : undefined;
  for (const f of [dir, passwdFile, aclFile, confFile]) {
    if (owner) chownSync(f, owner.uid, owner.gid);
    chmodSync(f, f === dir ? 0o700 : 0o600);
  }

  const child = spawn(bins.broker, ['-c', confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exit = watch(child);
  try {
    await waitForPort(port, 'mosquitto', exit.failure);
    if (wsPort) await waitForPort(wsPort, 'mosquitto (websockets)', exit.failure);
  } catch (e) {
    await exit.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: `mqtt://${HOST}:${port}`,
    port,
    ...(wsPort ? { wsUrl: `ws://${HOST}:${wsPort}`, wsPort } : {}),
    sensorUser: 'sensor',
    sensorPassword,
    serverUser: 'server',
    serverPassword,
    dir,
    async stop() {
      await exit.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Tracks a child's exit and stderr; `stop()` ends it (SIGTERM, then SIGKILL after 5 s) and waits. */
function watch(child: ChildProcess): { failure: () => string | undefined; stop: () => Promise<void> } {
  let stderr = '';
  let exited: string | undefined;
  const done = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = `exited (${signal ?? `code ${code}`}): ${stderr.trim().split('\n').slice(-5).join(' | ') || 'no output'}`;
      resolve();
    });
    child.once('error', (e) => {
      exited = e.message;
      resolve();
    });
  });
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  return {
    failure: () => exited,
    async stop() {
      if (exited !== undefined) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(killer);
    },
  };
}

export interface PostgresService {
  /** postgres://postgres:<password>@127.0.0.1:<port>/postgres */
  readonly url: string;
  /** Its temporary folder (cluster, socket, log), deleted by stop(). */
  readonly dir: string;
  stop(): Promise<void>;
}

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin). */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')) && existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : join(root, majors[0], 'bin');
}

/**
 * Starts a throwaway PostgreSQL cluster (initdb + pg_ctl). PostgreSQL refuses to run as root, so as root both run
 * as the `postgres` user (runuser) in a temporary folder it owns; password authentication, loopback only.
 */
export async function startPostgres(): Promise<PostgresService> {
  const bin = await ensurePackage('postgresql', postgresBin);
  const dir = mkdtempSync(join(tmpdir(), 'museum-pg-'));
  const data = join(dir, 'data');
  const pwFile = join(dir, 'pw');
  const secret = password();
  writeFileSync(pwFile, `${secret}\n`, { mode: 0o600 });
  const owner = isRoot() ? idsOf('postgres') : undefined;
  if (isRoot() && !owner) throw new Error('postgresql could not be started: there is no `postgres` user to run it as');
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pwFile, owner.uid, owner.gid);
  }
  const as = (cmd: string, args: readonly string[]): [string, string[]] => (owner ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, [...args]]);
  const pgCtl = async (args: readonly string[]): Promise<void> => {
    const [cmd, argv] = as(join(bin, 'pg_ctl'), args);
    await run(cmd, argv, { cwd: dir, timeout: 120_000 });
  };
  const port = await freePort();
  try {
    const [cmd, argv] = as(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--no-sync']);
    await run(cmd, argv, { cwd: dir, timeout: 120_000 });
    await pgCtl(['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=${HOST}`, 'start']);
  } catch (e) {
    const log = join(dir, 'log');
    const server = existsSync(log) ? ` | server log: ${readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' | ')}` : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`postgresql did not start: ${tail(e)}${server}`);
  }
  return {
    url: `postgres://postgres:${secret}@${HOST}:${port}/postgres`,
    dir,
    async stop() {
      try {
        await pgCtl(['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export interface RedisService {
  /** redis://127.0.0.1:<port> */
  readonly url: string;
  /** Its temporary folder (config), deleted by stop(). */
  readonly dir: string;
  stop(): Promise<void>;
}

/** Starts Debian's redis-server on a free loopback port: no persistence, nothing written outside its folder. */
export async function startRedis(): Promise<RedisService> {
  const bin = await ensurePackage('redis-server', () => firstExisting(['/usr/bin/redis-server', '/usr/sbin/redis-server', '/usr/local/bin/redis-server']));
  const dir = mkdtempSync(join(tmpdir(), 'museum-redis-'));
  const port = await freePort();
  const confFile = join(dir, 'redis.conf');
  writeFileSync(confFile, [`bind ${HOST}`, `port ${port}`, `dir ${dir}`, 'save ""', 'appendonly no', 'daemonize no', 'protected-mode yes', ''].join('\n'));
  const child = spawn(bin, [confFile], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exit = watch(child);
  try {
    await waitForPort(port, 'redis-server', exit.failure);
  } catch (e) {
    await exit.stop();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: `redis://${HOST}:${port}`,
    dir,
    async stop() {
      await exit.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
