import { describe, expect, it } from 'vitest';
import { formatSize, parseTarget, targetHref, uploadQuery, uploadRefusal } from './evidence';

describe('evidence helpers', () => {
  it('formats sizes for people', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(40 * 1024 * 1024)).toBe('40.0 MiB');
  });

  it('splits target keys on the first colon only', () => {
    expect(parseTarget('answer:asm_1:A.6.2.4')).toEqual({ type: 'answer', id: 'asm_1:A.6.2.4' });
    expect(parseTarget('system:sys_1')).toEqual({ type: 'system', id: 'sys_1' });
  });

  it('leads each linked record to its page, or nowhere for kinds without one', () => {
    expect(targetHref('system:sys_1')).toBe('/systems/sys_1');
    expect(targetHref('answer:asm_1:A.6.2.4')).toBe('/assessments/asm_1/answer?item=A.6.2.4');
    expect(targetHref('catalog_item:iso42001:7.5.3')).toBe('/catalog/iso42001/7.5.3');
    expect(targetHref('soa_entry:A.2.2')).toBe('/soa?q=A.2.2');
    expect(targetHref('risk:risk_1')).toBeUndefined();
  });

  it('builds the upload query from the name, the metadata given and the links', () => {
    const q = new URLSearchParams(uploadQuery('a b.pdf', { title: ' T ', owner: '', expires_on: '2027-01-01' }, ['system:s', 'soa_entry:A.2.2']).slice(1));
    expect(q.get('filename')).toBe('a b.pdf');
    expect(q.get('title')).toBe('T');
    expect(q.has('owner')).toBe(false);
    expect(q.getAll('link')).toEqual(['system:s', 'soa_entry:A.2.2']);
  });

  it('says why an upload was refused', () => {
    expect(uploadRefusal({ type: 't', title: 'x', status: 413, detail: 'Over 50 MiB.' })).toMatch(/^The file is too large\. Over 50 MiB\./);
    expect(uploadRefusal({ type: 't', title: 'x', status: 422, detail: "The name 'a.pdf' says…" })).toBe("The name 'a.pdf' says…");
    expect(uploadRefusal({ type: 't', title: 'x', status: 415, detail: 'A program.' })).toMatch(/not accepted/);
  });
});
