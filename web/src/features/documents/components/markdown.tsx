// Markdown shown safely: a small renderer of headings, paragraphs, lists, quotes, code blocks and
// inline bold, italics, code and links into React elements. No HTML is ever passed through (text
// is text; a link works only for http(s) and same-site addresses), so nothing in a document can run.
import { Fragment, type ReactNode } from 'react';

type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'quote'; text: string }
  | { type: 'code'; text: string };

/** The blocks of a Markdown text. */
export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i += 1;
      continue;
    }
    if (line.startsWith('```')) {
      const code: string[] = [];
      i += 1;
      while (i < lines.length && !lines[i].startsWith('```')) code.push(lines[i++]);
      i += 1;
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ type: 'heading', level: heading[1].length, text: heading[2] });
      i += 1;
      continue;
    }
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/;
    const first = item.exec(line);
    if (first) {
      const ordered = /\d/.test(first[1]);
      const items: string[] = [];
      while (i < lines.length && lines[i].trim()) {
        const m = item.exec(lines[i]);
        if (m) items.push(m[2]);
        else if (items.length) items[items.length - 1] += ` ${lines[i].trim()}`;
        i += 1;
      }
      blocks.push({ type: 'list', ordered, items });
      continue;
    }
    const text: string[] = [];
    const quote = line.startsWith('>');
    while (i < lines.length && lines[i].trim() && !/^(#{1,6}\s|```)/.test(lines[i]) && (quote ? lines[i].startsWith('>') : !item.test(lines[i]))) {
      text.push(quote ? lines[i].replace(/^>\s?/, '') : lines[i].trim());
      i += 1;
    }
    blocks.push(quote ? { type: 'quote', text: text.join(' ') } : { type: 'paragraph', text: text.join(' ') });
  }
  return blocks;
}

/** Whether a link target is safe to follow: http(s) or a path of this site. */
export function safeHref(href: string): string | null {
  const h = href.trim();
  if (/^https?:\/\//i.test(h) || (h.startsWith('/') && !h.startsWith('//')) || h.startsWith('#')) return h;
  return null;
}

const inlinePattern = /(\*\*([^*]+)\*\*|`([^`]+)`|\*([^*]+)\*|_([^_]+)_|\[([^\]]+)\]\(([^)\s]+)\))/;

/** Inline bold, italics, code and links of one block's text. */
export function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let rest = text;
  let key = 0;
  for (let m = inlinePattern.exec(rest); m; m = inlinePattern.exec(rest)) {
    if (m.index > 0) out.push(rest.slice(0, m.index));
    if (m[2] !== undefined) out.push(<strong key={key++}>{inline(m[2])}</strong>);
    else if (m[3] !== undefined) out.push(<code key={key++}>{m[3]}</code>);
    else if (m[4] !== undefined || m[5] !== undefined) out.push(<em key={key++}>{inline(m[4] ?? m[5])}</em>);
    else {
      const href = safeHref(m[7]);
      out.push(href ? <a key={key++} href={href} rel="noopener noreferrer">{inline(m[6])}</a> : <Fragment key={key++}>{m[6]}</Fragment>);
    }
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) out.push(rest);
  return out;
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown" data-testid="markdown">
      {parseBlocks(source).map((b, i) => {
        switch (b.type) {
          case 'heading': {
            const Tag = `h${Math.min(b.level + 1, 6)}` as 'h2';
            return <Tag key={i}>{inline(b.text)}</Tag>;
          }
          case 'list': {
            const items = b.items.map((t, j) => <li key={j}>{inline(t)}</li>);
            return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'quote':
            return <blockquote key={i}>{inline(b.text)}</blockquote>;
          case 'code':
            return (
              <pre key={i}>
                <code>{b.text}</code>
              </pre>
            );
          default:
            return <p key={i}>{inline(b.text)}</p>;
        }
      })}
    </div>
  );
}
