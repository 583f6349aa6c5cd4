/**
 * Advisory notices the visitor has acknowledged. Remembered for this browser session only (sessionStorage), as
 * communities ask: a new visit shows the notice again. A Set, so every mode shares the same acknowledgements.
 */
export class SessionAcknowledgements extends Set<string> {
  private key?: string;
  /** Called after a new acknowledgement, from any mode. */
  onAdd?: (id: string) => void;

  constructor(exhibitionId: string) {
    super();
    this.key = `museum-twin:acknowledged:${exhibitionId}`;
    for (const id of read(this.key)) super.add(id);
  }

  override add(id: string): this {
    const fresh = !this.has(id);
    super.add(id);
    // The Set constructor calls add before the key is known; nothing to store then.
    if (this.key) write(this.key, [...this]);
    if (fresh) this.onAdd?.(id);
    return this;
  }

  override delete(id: string): boolean {
    const had = super.delete(id);
    if (this.key) write(this.key, [...this]);
    return had;
  }

  override clear(): void {
    super.clear();
    if (this.key) write(this.key, []);
  }
}

function read(key: string): string[] {
  try {
    const v = JSON.parse(sessionStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function write(key: string, ids: string[]): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(ids));
  } catch {
    // Storage blocked: the acknowledgement lasts until the page closes.
  }
}
