import { describe, expect, it } from 'vitest';
import { canGoBack, currentCursor, firstPage, pageNumber, popCursor, pushCursor } from './cursor';

describe('cursor stack', () => {
  it('starts on page 1 without a cursor', () => {
    expect(currentCursor(firstPage)).toBeUndefined();
    expect(pageNumber(firstPage)).toBe(1);
    expect(canGoBack(firstPage)).toBe(false);
  });

  it('goes forward and back through the cursors seen', () => {
    const p2 = pushCursor(firstPage, 'c2');
    const p3 = pushCursor(p2, 'c3');
    expect(currentCursor(p3)).toBe('c3');
    expect(pageNumber(p3)).toBe(3);
    const back = popCursor(p3);
    expect(currentCursor(back)).toBe('c2');
    expect(currentCursor(popCursor(back))).toBeUndefined();
  });

  it('does not go before the first page and never mutates', () => {
    expect(popCursor(firstPage)).toBe(firstPage);
    const p2 = pushCursor(firstPage, 'c2');
    popCursor(p2);
    expect(p2.stack).toEqual([undefined, 'c2']);
    expect(firstPage.stack).toEqual([undefined]);
  });
});
