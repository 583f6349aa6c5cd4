/**
 * Who is here, checked on the server: a curating view says who its person is, what they have selected and where
 * their camera is through the draft's awareness (y-protocols), and the server relays it to everyone. Unchecked, a
 * client could announce itself as a colleague (the name is what the others see, and the colour is made from it)
 * or overwrite a colleague's entry. So each awareness message is read before Hocuspocus applies it:
 *
 *   - every entry that says who it is (`user`) must carry the signed-in account's own name;
 *   - an entry may not take over a client id that another person's connection holds, nor one whose present state
 *     names someone else (on another instance, relayed by Redis), nor remove such an entry while it is fresh;
 *   - an entry is at most 4 KB of JSON (a name, a selection and a camera need a few hundred bytes).
 *
 * Only entries that would change something are judged, by y-protocols' own rule (a newer clock, or a removal at
 * the same clock): a provider sends back every state it hears, colleagues' included, and those echoes change
 * nothing. A provider also marks a colleague it has not heard from for 30 s as gone (a removal at the same
 * clock); that is let through once the server's copy is stale too (a present colleague renews every 15 s).
 *
 * A refused message closes the connection with the reason, as a refused edit does (collab.ts).
 */
import { IncomingMessage as HocuspocusMessage, type Connection, type Document } from '@hocuspocus/server';

/** Hocuspocus's message type for an awareness update (MessageType.Awareness). */
const AWARENESS = 1;
const MAX_STATE_BYTES = 4096;
/** A colleague's state older than this has missed a renewal (y-protocols renews every 15 s, times out at 30 s). */
const STALE_MS = 20_000;

/** One entry of an awareness update: a client's state (null: the client left). */
interface Entry {
  readonly clientId: number;
  readonly clock: number;
  readonly state: unknown;
  readonly bytes: number;
}

/** The entries of the awareness update inside a Hocuspocus message, or undefined when it carries none. */
function awarenessEntries(message: Uint8Array): Entry[] | undefined {
  const m = new HocuspocusMessage(message);
  m.readVarString(); // document name
  if (m.readVarUint() !== AWARENESS) return undefined;
  // y-protocols' awareness update: a count, then per client its id, its clock and its state as JSON.
  const update = new HocuspocusMessage(m.readVarUint8Array());
  const entries: Entry[] = [];
  for (let n = update.readVarUint(); n > 0; n--) {
    const clientId = update.readVarUint();
    const clock = update.readVarUint();
    const json = update.readVarString();
    entries.push({ clientId, clock, state: JSON.parse(json) as unknown, bytes: Buffer.byteLength(json) });
  }
  return entries;
}

const nameOf = (state: unknown): unknown => (typeof state === 'object' && state !== null && 'user' in state ? (state as { user?: { name?: unknown } }).user?.name : undefined);

/**
 * Why `message`, sent by `connection` (signed in as `account`) on `document`, may not be applied; undefined when
 * it may (or carries no awareness). `accountOf` gives the account id behind another connection.
 */
export function presenceProblem(message: Uint8Array, document: Document, connection: Connection, account: { id: number; name: string }, accountOf: (c: Connection) => number | undefined): string | undefined {
  let entries: Entry[] | undefined;
  try {
    entries = awarenessEntries(message);
  } catch {
    return 'a presence message that could not be read';
  }
  if (!entries) return undefined;
  const { awareness } = document;
  for (const e of entries) {
    const meta = awareness.meta.get(e.clientId);
    const clock = meta?.clock ?? 0;
    const removal = e.state === null && clock === e.clock && awareness.states.has(e.clientId);
    if (!(clock < e.clock || removal)) continue; // changes nothing (y-protocols' applyAwarenessUpdate): an echo
    if (e.bytes > MAX_STATE_BYTES) return `your presence is larger than ${MAX_STATE_BYTES / 1024} KB`;
    if (e.state !== null && typeof e.state === 'object' && 'user' in e.state) {
      const user = (e.state as { user: unknown }).user;
      const name = typeof user === 'object' && user !== null ? (user as { name?: unknown }).name : undefined;
      if (name !== account.name) return `you are here as ${account.name}: your presence may not name ${typeof name === 'string' ? `'${name.slice(0, 40)}'` : 'nobody'}`;
    }
    if (removal && meta && Date.now() - meta.lastUpdated > STALE_MS) continue; // a colleague gone quiet, marked gone
    // Whose is this client id now? Another person's connection here, or a state naming someone else (another instance's).
    for (const other of document.getConnections()) {
      if (other === connection || other.webSocket === connection.webSocket) continue;
      if (document.getClients(other.webSocket).has(e.clientId) && accountOf(other) !== account.id) return 'your presence may not replace a colleague’s';
    }
    const held = nameOf(awareness.states.get(e.clientId));
    if (held !== undefined && held !== account.name) return 'your presence may not replace a colleague’s';
  }
  return undefined;
}
