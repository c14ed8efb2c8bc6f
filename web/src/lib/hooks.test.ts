import { describe, expect, it } from 'vitest';
import { asyncStatus, sameDeps } from './hooks';

describe('sameDeps', () => {
  it('compares element by element with Object.is', () => {
    const filters = { status: 'open' };
    expect(sameDeps(['open', 1], ['open', 1])).toBe(true);
    expect(sameDeps([filters], [filters])).toBe(true);
    expect(sameDeps([{ status: 'open' }], [{ status: 'open' }])).toBe(false);
    expect(sameDeps([NaN], [NaN])).toBe(true);
    expect(sameDeps(['open', 1], ['open', 2])).toBe(false);
    expect(sameDeps(['open'], ['open', 0])).toBe(false);
  });
  it('never matches parameters that have not been loaded yet', () => {
    expect(sameDeps(undefined, [])).toBe(false);
  });
});

describe('asyncStatus', () => {
  // The life of a filtered list: loaded for "all", the filter changes to "present", the answer comes in.
  const all = ['', 0];
  const present = ['present', 0];

  it('is loading and shows nothing stale before the first answer', () => {
    expect(asyncStatus(false, undefined, undefined, all)).toEqual({ loading: true, current: false, stale: false });
  });

  it('is current once the answer for the parameters is in', () => {
    expect(asyncStatus(true, all, all, all)).toEqual({ loading: false, current: true, stale: false });
  });

  it('marks the old answer stale in the very render that changes the parameters', () => {
    // Nothing has run for "present" yet: the data on screen is the unfiltered answer.
    expect(asyncStatus(true, all, all, present)).toEqual({ loading: true, current: false, stale: true });
  });

  it('is current again when the answer for the new parameters arrives', () => {
    expect(asyncStatus(true, present, present, present)).toEqual({ loading: false, current: true, stale: false });
  });

  it('marks the data stale during a reload (the tick is one of the parameters)', () => {
    expect(asyncStatus(true, ['', 0, 0], ['', 0, 0], ['', 0, 1])).toEqual({ loading: true, current: false, stale: true });
  });

  it('is neither loading nor busy when the run for the new parameters failed, though the old data is not current', () => {
    expect(asyncStatus(true, all, present, present)).toEqual({ loading: false, current: false, stale: false });
  });

  it('is current when the data was replaced for the current parameters while a run is under way', () => {
    expect(asyncStatus(true, present, all, present)).toEqual({ loading: true, current: true, stale: false });
  });
});
