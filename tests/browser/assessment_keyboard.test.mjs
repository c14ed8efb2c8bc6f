// Browser test of keyboard-first answering in real chromium against a real aims server with the
// demo organization: the level picker is on the first screen at 1440×900 and 1280×720, an error
// is shown next to its control and focused, and all 70 items of a new assessment are answered with
// the keyboard only (no mouse after the page opens): suggested items with the accept key (and one
// with Enter), the others with a digit and Enter, one control not applicable with its
// justification typed and Ctrl+Enter, one item skipped with S and answered at the end. Every
// answer is checked through the API (level typed, or the suggestion with its basis). It prints the
// keystrokes per item; it asserts no times.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, apiSend, closeSession, openAdminSession, screenshot } from './helpers.mjs';

const SKIPPED = '4.3';
const NOT_APPLICABLE = 'A.10.4';
const JUSTIFICATION = 'No customers use our AI systems.';

describe('keyboard-first gap assessment', () => {
  let server, browser, page, api, assessmentId, suggestions;

  before(async () => {
    ({ server, browser, page, api } = await openAdminSession({ api: true }));
    const res = await apiSend(server.url, api, 'POST', '/api/v1/assessments', { body: { name: 'Keyboard run', approach: 'both' } });
    assert.equal(res.status, 201);
    assessmentId = (await res.json()).id;
    const s = await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}/suggestions`);
    suggestions = new Map(s.items.map((x) => [x.item_id, x]));
  });

  after(() => closeSession(browser, server));

  const item = () => page.getByTestId('guided-item');
  const currentId = () => item().getAttribute('data-item-id');

  test('the demo records give suggestions, each citing its records', () => {
    assert.ok(suggestions.size >= 5, `only ${suggestions.size} suggestions`);
    for (const s of suggestions.values()) assert.ok(s.records.length > 0, `${s.item_id} cites nothing`);
    assert.ok(!suggestions.has(NOT_APPLICABLE) || suggestions.get(NOT_APPLICABLE).level >= 0);
  });

  test('the level picker is on the first screen at 1440×900 and 1280×720', async () => {
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto(`/assessments/${encodeURIComponent(assessmentId)}/answer`);
      await item().and(page.locator('[data-item-id="4.1"]')).waitFor();
      await page.getByTestId('item-question').getByText('?').waitFor();
      await page.getByTestId('key-legend').waitFor();
      const picker = await page.getByTestId('maturity-picker').boundingBox();
      const bar = await page.locator('.guided-actions').boundingBox();
      assert.ok(picker.y >= 0, `picker above the screen at ${width}×${height}`);
      assert.ok(picker.y + picker.height <= Math.min(bar.y, height), `picker below the fold at ${width}×${height}: ${JSON.stringify({ picker, bar })}`);
      await screenshot(page, `36-keyboard-first-${width}x${height}`, { fullPage: false });
    }
  });

  test('all 70 items are answered by keyboard only', async () => {
    const keysPerItem = new Map();
    const expected = new Map(); // item -> { level } | { na } | { suggestion }
    let usedEnterToAccept = false;
    let showedError = false;
    const press = async (id, key) => {
      keysPerItem.set(id, (keysPerItem.get(id) ?? 0) + 1);
      await page.keyboard.press(key);
    };
    const type = async (id, text) => {
      keysPerItem.set(id, (keysPerItem.get(id) ?? 0) + text.length);
      await page.keyboard.type(text);
    };
    // The legend and every key's control are named for assistive technology.
    assert.equal(await page.getByTestId('save-next').getAttribute('aria-keyshortcuts'), 'Enter Control+Enter');
    assert.equal(await page.getByTestId('skip').getAttribute('aria-keyshortcuts'), 'S');
    assert.equal(await page.getByRole('radio', { name: /^3 Defined/ }).getAttribute('aria-keyshortcuts'), '3');

    const auditFrom = (await apiGet(server.url, api, '/api/v1/audit/entries?from=0')).size;
    const skippedOnce = new Set();
    let n = 0;
    for (let guard = 0; guard < 80; guard++) {
      if (await page.getByTestId('guided-done').isVisible()) break;
      const id = await currentId();
      await item().and(page.locator(`[data-item-id="${id}"]`)).waitFor();
      const sug = suggestions.get(id);
      if (sug) await page.getByTestId('suggestion').waitFor();
      if (id === SKIPPED && !skippedOnce.has(id)) {
        skippedOnce.add(id);
        await press(id, 's');
      } else if (id === NOT_APPLICABLE) {
        await press(id, 'n');
        await page.getByRole('textbox', { name: 'Justification' }).waitFor();
        // The justification box has the focus: digits and letters are typing there.
        await type(id, JUSTIFICATION);
        await press(id, 'Control+Enter');
        expected.set(id, { na: true });
      } else if (sug) {
        // Enter on an untouched item accepts its suggestion once; A everywhere else.
        const key = usedEnterToAccept ? 'a' : 'Enter';
        usedEnterToAccept = true;
        await press(id, key);
        expected.set(id, { suggestion: sug });
      } else {
        if (!showedError) {
          // Enter without a level: the error appears next to the picker and has the focus.
          showedError = true;
          await press(id, 'Enter');
          const err = page.getByTestId('field-error-maturity');
          await err.waitFor();
          const box = await err.boundingBox();
          const bar = await page.locator('.guided-actions').boundingBox();
          assert.ok(box.y + box.height <= bar.y, 'the error is hidden under the sticky bar');
          assert.ok(await page.evaluate(() => !!document.activeElement?.closest('.maturity-picker-box')), 'the picker has the focus');
          await screenshot(page, '37-keyboard-error', { fullPage: false });
        }
        const level = n % 6;
        await press(id, String(level));
        await press(id, 'Enter');
        expected.set(id, { level });
      }
      n++;
      // Wait for the page to move on (or to finish).
      await page.waitForFunction(
        (was) => document.querySelector('[data-testid="guided-done"]') || document.querySelector('[data-testid="guided-item"]')?.getAttribute('data-item-id') !== was,
        id,
      );
    }
    await page.getByTestId('guided-done').waitFor();
    assert.match(await page.getByTestId('guided-progress').textContent(), /70 of 70/);
    assert.ok(usedEnterToAccept && showedError);

    const answers = await apiGet(server.url, api, `/api/v1/assessments/${encodeURIComponent(assessmentId)}/answers`);
    assert.equal(answers.answered, 70);
    assert.equal(expected.size, 70);
    for (const a of answers.items) {
      const want = expected.get(a.item_id);
      assert.ok(want, `${a.item_id} was not answered by the test`);
      if (want.na) {
        assert.equal(a.not_applicable, true, a.item_id);
        assert.equal(a.justification, JUSTIFICATION);
      } else if (want.suggestion) {
        assert.equal(a.maturity, want.suggestion.level, a.item_id);
        assert.equal(a.suggestion?.rule, want.suggestion.rule, a.item_id);
        assert.deepEqual(a.suggestion.records, want.suggestion.records, a.item_id);
      } else {
        assert.equal(a.maturity, want.level, a.item_id);
        assert.equal(a.suggestion, undefined, a.item_id);
      }
    }
    // An answer from a suggestion is audited like any answer.
    const accepted = [...expected].find(([, w]) => w.suggestion)[0];
    const entries = await apiGet(server.url, api, `/api/v1/audit/entries?from=${auditFrom}&limit=500`);
    const found = entries.items.some((e) => e.record_type === 'answer' && e.record_id === `${assessmentId}/${accepted}`);
    assert.ok(found, `no audit entry for the answer ${accepted}`);

    const counts = [...keysPerItem.values()].sort((a, b) => a - b);
    const median = counts.length % 2 ? counts[(counts.length - 1) / 2] : (counts[counts.length / 2 - 1] + counts[counts.length / 2]) / 2;
    const withoutTyping = [...keysPerItem].filter(([id]) => id !== NOT_APPLICABLE).map(([, c]) => c);
    console.log(
      `# keystrokes per item over ${counts.length} items: median ${median}, max ${counts[counts.length - 1]} ` +
        `(max without the typed justification ${Math.max(...withoutTyping)}), total ${counts.reduce((a, b) => a + b, 0)}; ` +
        `${[...expected.values()].filter((w) => w.suggestion).length} items accepted from a suggestion`,
    );
  });
});
