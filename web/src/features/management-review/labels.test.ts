import { describe, expect, it } from 'vitest';
import { figureLines } from './labels';

describe('figureLines', () => {
  it('reads counts and groups of counts, in order', () => {
    expect(figureLines({ open: 2, by_status: { open: 1, in_progress: 3 }, empty_group: {} })).toEqual([
      ['open', '2'],
      ['by status', 'open: 1, in progress: 3'],
      ['empty group', '—'],
    ]);
  });
});
