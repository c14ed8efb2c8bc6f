import { describe, expect, it } from 'vitest';
import { isTextField, keyAction } from './suggestions';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyAction', () => {
  it('maps digits, letters and Enter outside text fields', () => {
    expect(keyAction(press('0'), false)).toEqual({ kind: 'level', level: 0 });
    expect(keyAction(press('5'), false)).toEqual({ kind: 'level', level: 5 });
    expect(keyAction(press('6'), false)).toBeNull();
    expect(keyAction(press('n'), false)).toEqual({ kind: 'not_applicable' });
    expect(keyAction(press('S'), false)).toEqual({ kind: 'skip' });
    expect(keyAction(press('a'), false)).toEqual({ kind: 'accept' });
    expect(keyAction(press('g'), false)).toEqual({ kind: 'guidance' });
    expect(keyAction(press('Enter'), false)).toEqual({ kind: 'save' });
    expect(keyAction(press('x'), false)).toBeNull();
  });

  it('leaves the browser its shortcuts', () => {
    expect(keyAction(press('s', { ctrlKey: true }), false)).toBeNull();
    expect(keyAction(press('3', { altKey: true }), false)).toBeNull();
    expect(keyAction(press('a', { metaKey: true }), false)).toBeNull();
    expect(keyAction(press('Enter', { shiftKey: true }), false)).toBeNull();
  });

  it('only saves with Ctrl+Enter or leaves with Esc while typing', () => {
    expect(keyAction(press('3'), true)).toBeNull();
    expect(keyAction(press('s'), true)).toBeNull();
    expect(keyAction(press('Enter'), true)).toBeNull();
    expect(keyAction(press('Enter', { ctrlKey: true }), true)).toEqual({ kind: 'save' });
    expect(keyAction(press('Enter', { metaKey: true }), true)).toEqual({ kind: 'save' });
    expect(keyAction(press('Escape'), true)).toEqual({ kind: 'leave_field' });
  });
});

describe('isTextField', () => {
  it('tells typing fields from choices', () => {
    // Plain objects with the properties read (the unit tests run without a DOM).
    const make = (tag: string, type?: string) => ({ tagName: tag.toUpperCase(), type, isContentEditable: false }) as unknown as Element;
    expect(isTextField(make('textarea'))).toBe(true);
    expect(isTextField(make('input', 'text'))).toBe(true);
    expect(isTextField(make('input', 'search'))).toBe(true);
    expect(isTextField(make('input', 'radio'))).toBe(false);
    expect(isTextField(make('input', 'checkbox'))).toBe(false);
    expect(isTextField(make('button'))).toBe(false);
    expect(isTextField(null)).toBe(false);
  });
});
