import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { Markdown, safeHref } from './markdown';

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('Markdown', () => {
  it('renders headings, lists, emphasis, code and links', () => {
    const html = render('# Policy\n\nWe **use** AI *well*, see [terms](https://x.test/t).\n\n- one\n- `two`\n\n1. first');
    expect(html).toContain('<h2>Policy</h2>');
    expect(html).toContain('<strong>use</strong>');
    expect(html).toContain('<em>well</em>');
    expect(html).toContain('<a href="https://x.test/t" rel="noopener noreferrer">terms</a>');
    expect(html).toContain('<ul><li>one</li><li><code>two</code></li></ul>');
    expect(html).toContain('<ol><li>first</li></ol>');
  });

  it('keeps raw HTML inert: scripts and event handlers are shown as text, never as elements', () => {
    const payload = '<script>window.hacked = 1</script>\n\n<img src=x onerror="window.hacked = 2">\n\n[click](javascript:alert(1))';
    const html = render(payload);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).not.toContain('href="javascript');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.test')).toBeNull();
    expect(safeHref('/documents')).toBe('/documents');
  });
});
