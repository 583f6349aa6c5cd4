import { describe, expect, it } from 'vitest';
import { TEXELS_PER_FRAME, UploadBudget } from './upload-budget';

const upload = (done: string[], name: string, texels: number, priority = 0) => ({ texels, priority: () => priority, run: () => done.push(name) });

describe('upload budget', () => {
  it('spreads a room of paintings over frames: four 256 px images or one 512 px image a frame', () => {
    const budget = new UploadBudget();
    const done: string[] = [];
    for (let i = 0; i < 8; i++) budget.add(upload(done, `small-${i}`, 256 * 256));
    budget.add(upload(done, 'medium', 512 * 512));
    const perFrame: number[] = [];
    while (budget.pending) {
      const before = done.length;
      expect(budget.frame()).toBeLessThanOrEqual(TEXELS_PER_FRAME);
      perFrame.push(done.length - before);
    }
    expect(perFrame).toEqual([4, 4, 1]);
    expect(budget.counts).toMatchObject({ uploads: 9, frames: 3 });
  });

  it('lets an image larger than the whole budget through, alone in its frame', () => {
    const budget = new UploadBudget();
    const done: string[] = [];
    budget.add(upload(done, 'full', 1400 * 1400));
    budget.add(upload(done, 'small', 256 * 256, 1));
    budget.frame();
    expect(done).toEqual(['full']);
    budget.frame();
    expect(done).toEqual(['full', 'small']);
  });

  it('uploads the most wanted first, read anew each frame', () => {
    const budget = new UploadBudget(1);
    const done: string[] = [];
    let near = 5;
    budget.add({ texels: 1, priority: () => near, run: () => done.push('walked-to') });
    budget.add(upload(done, 'nearest', 1, 1));
    budget.add(upload(done, 'far', 1, 9));
    budget.frame();
    near = 0;
    budget.frame();
    budget.frame();
    expect(done).toEqual(['nearest', 'walked-to', 'far']);
  });

  it('forgets an upload withdrawn before its frame', () => {
    const budget = new UploadBudget();
    const done: string[] = [];
    const withdraw = budget.add(upload(done, 'superseded', 10));
    budget.add(upload(done, 'kept', 10));
    withdraw();
    budget.frame();
    expect(done).toEqual(['kept']);
    expect(budget.frame()).toBe(0);
  });

  it('waits an upload’s turn: done once it has run, or once withdrawn before it ran (and then lets it go)', async () => {
    const budget = new UploadBudget();
    const log: string[] = [];
    const ran = budget.turn({ texels: 4, run: () => log.push('ran') }, () => log.push('let go'));
    budget.frame();
    await ran.done;
    expect(log).toEqual(['ran']);
    const dropped = budget.turn({ texels: 4, run: () => log.push('ran again') }, () => log.push('let go'));
    dropped.withdraw();
    await dropped.done;
    budget.frame();
    expect(log).toEqual(['ran', 'let go']);
    expect(budget.pending).toBe(0);
  });
});
