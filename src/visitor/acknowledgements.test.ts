import { beforeEach, describe, expect, it } from 'vitest';
import { SessionAcknowledgements } from './acknowledgements';

class MemoryStorage {
  private m = new Map<string, string>();
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
}

describe('advisory acknowledgements', () => {
  beforeEach(() => {
    (globalThis as { sessionStorage?: unknown }).sessionStorage = new MemoryStorage();
  });

  it('are remembered for the session, per exhibition', () => {
    const a = new SessionAcknowledgements('ex1');
    expect(a.has('urn')).toBe(false);
    a.add('urn');
    expect(new SessionAcknowledgements('ex1').has('urn')).toBe(true);
    expect(new SessionAcknowledgements('ex2').has('urn')).toBe(false);
  });

  it('are forgotten with the session', () => {
    new SessionAcknowledgements('ex1').add('urn');
    (globalThis as { sessionStorage?: unknown }).sessionStorage = new MemoryStorage();
    expect(new SessionAcknowledgements('ex1').has('urn')).toBe(false);
  });

  it('still work when storage is blocked', () => {
    (globalThis as { sessionStorage?: unknown }).sessionStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    const a = new SessionAcknowledgements('ex1');
    a.add('urn');
    expect(a.has('urn')).toBe(true);
  });
});
