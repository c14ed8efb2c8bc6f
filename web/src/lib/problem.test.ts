import { describe, expect, it } from 'vitest';
import { fieldErrors, fieldKey, problemMessage, rowErrors, toProblem } from './problem';

describe('toProblem', () => {
  it('keeps a problem+json body', () => {
    const body = JSON.stringify({
      type: 'urn:aims:problem:validation',
      title: 'Invalid input',
      status: 422,
      detail: 'name is required',
      errors: [{ field: 'name', message: 'must not be empty' }],
    });
    const p = toProblem(422, 'Unprocessable Entity', body, 'application/problem+json');
    expect(p).toEqual({
      type: 'urn:aims:problem:validation',
      title: 'Invalid input',
      status: 422,
      detail: 'name is required',
      errors: [{ field: 'name', message: 'must not be empty' }],
    });
  });

  it('falls back to the status line for non-JSON bodies', () => {
    expect(toProblem(502, 'Bad Gateway', '<html>oops</html>', 'text/html')).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
    expect(toProblem(500, '', '', null).title).toBe('Server error');
  });

  it('survives malformed JSON and odd members', () => {
    expect(toProblem(400, 'Bad Request', '{nope', 'application/json').title).toBe('Bad Request');
    const p = toProblem(422, 'x', JSON.stringify({ title: 7, errors: [null, { row: 3 }, 'x'] }), 'application/problem+json');
    expect(p.title).toBe('x');
    expect(p.errors).toEqual([{ row: 3, message: 'Invalid value' }]);
  });
});

describe('problemMessage', () => {
  it('prefers detail, else title', () => {
    expect(problemMessage({ type: 't', title: 'Title', status: 400, detail: 'Detail' })).toBe('Detail');
    expect(problemMessage({ type: 't', title: 'Title', status: 400, detail: '  ' })).toBe('Title');
  });
});

describe('field errors', () => {
  it('maps pointer and indexed names to the top-level field', () => {
    expect(fieldKey('name')).toBe('name');
    expect(fieldKey('/purpose')).toBe('purpose');
    expect(fieldKey('#/data_sources/2')).toBe('data_sources');
    expect(fieldKey('tags[1]')).toBe('tags');
    expect(fieldKey('suppliers.0')).toBe('suppliers');
  });

  it('groups messages per field and ignores row errors', () => {
    const errs = fieldErrors({
      type: 't',
      title: 't',
      status: 422,
      errors: [
        { field: 'name', message: 'is required.' },
        { field: '/name', message: 'is too long.' },
        { field: 'tags[0]', message: 'is empty.' },
        { field: 'lifecycle_stage', row: 3, message: 'unknown' },
        { message: 'general' },
      ],
    });
    expect(errs).toEqual({ name: 'is required. is too long.', tags: 'is empty.' });
    expect(fieldErrors(undefined)).toEqual({});
  });

  it('orders row errors by row and field', () => {
    const rows = rowErrors({
      type: 't',
      title: 't',
      status: 422,
      errors: [
        { row: 4, field: 'status', message: 'b' },
        { row: 2, field: 'name', message: 'a' },
        { row: 4, field: 'lifecycle_stage', message: 'c' },
        { field: 'file', message: 'not a row' },
      ],
    });
    expect(rows.map((r) => `${r.row}:${r.field}`)).toEqual(['2:name', '4:lifecycle_stage', '4:status']);
  });
});
