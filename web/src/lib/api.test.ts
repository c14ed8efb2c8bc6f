import { afterEach, describe, expect, it, vi } from 'vitest';
import { filenameFrom } from './api';

describe('filenameFrom', () => {
  it('reads plain, quoted and RFC 5987 names', () => {
    expect(filenameFrom('attachment; filename="ai-systems.csv"')).toBe('ai-systems.csv');
    expect(filenameFrom('attachment; filename=systems.csv')).toBe('systems.csv');
    expect(filenameFrom("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv")).toBe('résumé.csv');
  });
  it('is null without a name', () => {
    expect(filenameFrom(null)).toBeNull();
    expect(filenameFrom('inline')).toBeNull();
  });
});

/** A Storage kept in memory, standing in for a browser's localStorage or sessionStorage. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

/** The api module as a freshly loaded tab sees it, with that tab's session storage. */
async function openTab(local: Storage, session: Storage) {
  vi.stubGlobal('localStorage', local);
  vi.stubGlobal('sessionStorage', session);
  vi.resetModules();
  return import('./api');
}

describe('storedOrg', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps each tab on its own organization; a new tab starts from the last choice', async () => {
    const local = memoryStorage();
    const firstSession = memoryStorage();
    const first = await openTab(local, firstSession);
    expect(first.storedOrg()).toBeNull();
    first.storeOrg('org_a');

    const second = await openTab(local, memoryStorage());
    expect(second.storedOrg()).toBe('org_a');
    second.storeOrg('org_b');

    expect(first.storedOrg()).toBe('org_a');
    const reloaded = await openTab(local, firstSession);
    expect(reloaded.storedOrg()).toBe('org_a');
    expect((await openTab(local, memoryStorage())).storedOrg()).toBe('org_b');
  });

  it('works without storage', async () => {
    const broken = new Proxy({} as Storage, {
      get() {
        throw new DOMException('denied', 'SecurityError');
      },
    });
    const tab = await openTab(broken, broken);
    expect(tab.storedOrg()).toBeNull();
    tab.storeOrg('org_a');
    expect(tab.storedOrg()).toBe('org_a');
  });
});
