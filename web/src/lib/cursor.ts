// Cursor pagination: the API only knows "next", so going back means remembering the cursors
// of the pages already seen. A stack of the cursors that opened each page, oldest first;
// the first page was opened without one (undefined).

export interface CursorStack {
  /** Cursors that opened page 1..n; the last one opened the page being shown. */
  readonly stack: readonly (string | undefined)[];
}

export const firstPage: CursorStack = { stack: [undefined] };

/** The cursor to request the page being shown with. */
export function currentCursor(s: CursorStack): string | undefined {
  return s.stack[s.stack.length - 1];
}

/** 1-based number of the page being shown. */
export function pageNumber(s: CursorStack): number {
  return s.stack.length;
}

export function canGoBack(s: CursorStack): boolean {
  return s.stack.length > 1;
}

/** Moves to the page a `next` value opens. */
export function pushCursor(s: CursorStack, next: string): CursorStack {
  return { stack: [...s.stack, next] };
}

/** Moves back one page; on the first page nothing changes. */
export function popCursor(s: CursorStack): CursorStack {
  return canGoBack(s) ? { stack: s.stack.slice(0, -1) } : s;
}
