import { describe, expect, it } from 'vitest';
import { PublishedVersions } from './publish-notice';

describe('PublishedVersions', () => {
  it('takes the first version as the page’s own and tells only of newer ones, once each', () => {
    const v = new PublishedVersions();
    expect(v.receive(3)).toBe(false); // the version the page opened with
    expect(v.receive(3)).toBe(false); // the stream reconnected: same version
    expect(v.receive(4)).toBe(true);
    expect(v.receive(4)).toBe(false);
    expect(v.receive(2)).toBe(false); // an older instance's view: not news
    expect(v.receive(6)).toBe(true);
  });

  it('treats “nothing published yet” as the page’s version and ignores malformed ones', () => {
    const v = new PublishedVersions();
    expect(v.receive(Number.NaN)).toBe(false);
    expect(v.receive(0)).toBe(false);
    expect(v.receive(-1)).toBe(false);
    expect(v.receive(1)).toBe(true);
  });
});
