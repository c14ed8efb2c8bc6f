// Browser journey of "check and act" (ISO/IEC 42001 9.2, 9.3, 10.2; EU AI Act Art. 73) in real
// chromium against a real aims server with a fresh organization (not the demo), walked through the
// web UI by the people each step needs, each logged in as themselves: an internal audit planned
// from the audit programme, started, its checklist recorded (conforming, nonconformity, not
// sampled), a finding, the report and the sign-offs of the lead auditor and the auditee (frozen);
// the finding's nonconformity raised, contained, analysed, checked elsewhere, a corrective action
// (in the action tracker), the effectiveness check by a verifier who is not the owner — not
// effective (reopened), a second action, effective — and closed; a serious incident of a high-risk
// system qualified, its one clock running on the clocks board and the dashboard, an initial and a
// final report frozen in the chain; a management review planned with top management attending,
// started (the frozen pack shows the NC, the audit and the incident), two decisions that become
// tracked actions, the conclusion and the sign-off (locked). The API only sets up what is not part
// of the walk — the people and their names, the AIMS role of top management the admin holds, the AI
// system and its high-risk classification — reads back stored state, and checks that frozen
// records refuse a change (409).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { aims, login } from '../lib/server.mjs';
import { complete, PRESETS } from '../lib/euact.mjs';
import { apiGet, apiSend, closeSession, openSession, screenshot, uiLogin } from './helpers.mjs';
import { settled } from './pages.mjs';

const PW = 'check and act journey password';
const day = (offset = 0) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);

/** The people of the walk: their AIMS role (the account's role) and what they do. */
const people = {
  lead: { email: 'lena.lead@acme.test', name: 'Lena Lead', role: 'auditor' },
  team: { email: 'tom.team@acme.test', name: 'Tom Team', role: 'auditor' },
  auditee: { email: 'ada.auditee@acme.test', name: 'Ada Auditee', role: 'manager' },
  owner: { email: 'owen.owner@acme.test', name: 'Owen Owner', role: 'contributor' },
  verifier: { email: 'vera.verifier@acme.test', name: 'Vera Verifier', role: 'manager' },
  qualifier: { email: 'quinn.qualifier@acme.test', name: 'Quinn Qualifier', role: 'manager' },
};

describe('check and act: internal audit → nonconformity → serious incident → management review', () => {
  let server, browser, page, api, started, admin;
  let auditId, findingId, ncId, incidentId, reviewId, system;
  const read = (path) => apiGet(server.url, api, path);
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  /**
   * Opens `label` from the side navigation and waits for its page. The router renders the new page
   * in a transition, so the page before (with its own heading, and tables that may hold the text
   * looked for next) stays a moment: the link is marked current once the new page is shown.
   */
  async function go(label) {
    await nav(label).click();
    await nav(label).and(page.locator('[aria-current="page"]')).waitFor();
    await settled(page);
  }

  /** Waits until the dashboard's figure `key` of the incidents card shows `value`. */
  async function incidentFigure(key, value) {
    await page.getByTestId(`dashboard-incidents-${key}`).locator('.figure-value').filter({ hasText: new RegExp(`^${value}$`) }).waitFor();
  }

  /** Logs the browser in as `who` (a person of `people`, or the admin). */
  async function as(who) {
    await browser.context.clearCookies();
    await uiLogin(page, who.email, who.password ?? PW);
  }

  /** Asserts that a PATCH of the stored record at `path`, with its current ETag, is refused with 409. */
  async function frozen(path, body) {
    const now = await fetch(server.url + path, { headers: { cookie: api.cookie } });
    assert.equal(now.status, 200, path);
    const r = await apiSend(server.url, api, 'PATCH', path, { body, headers: { 'if-match': now.headers.get('etag') } });
    assert.equal(r.status, 409, `PATCH ${path}: ${r.status} ${await r.text()}`);
  }

  before(async () => {
    started = Date.now();
    ({ server, browser, page, api } = await openSession({ api: true }));
    admin = { email: server.admin.email, password: server.admin.password, name: 'Amira Admin' };
    for (const p of [admin, ...Object.values(people)]) {
      if (p !== admin) {
        const add = aims(['user', 'add', '--data', server.dataDir, '--org', server.org, '--email', p.email, '--role', p.role], PW + '\n');
        assert.equal(add.status, 0, add.stderr);
      }
      const s = p === admin ? api : await login(server.url, p.email, PW);
      const named = await apiSend(server.url, s, 'PATCH', '/api/v1/me', { body: { name: p.name } });
      assert.equal(named.status, 200, await named.text());
      p.id = (await apiGet(server.url, s, '/api/v1/me')).user.id;
    }
    const post = async (path, body) => {
      const r = await apiSend(server.url, api, 'POST', path, { body });
      const text = await r.text();
      assert.ok([200, 201].includes(r.status), `POST ${path}: ${r.status} ${text}`);
      return JSON.parse(text);
    };
    // Top management is an AIMS role the admin holds from today.
    const top = await post('/api/v1/aims-roles', { name: 'Top management' });
    await post('/api/v1/role-assignments', { person: admin.id, role_id: top.id, from: day() });
    // A high-risk AI system (Annex III 4(a)) of which the organization is the provider.
    system = await post('/api/v1/systems', { name: 'Applicant ranking', purpose: 'Ranks job applications for recruiters.' });
    const questionnaire = await read('/api/v1/eu-ai-act/questionnaire');
    const classified = await apiSend(server.url, api, 'PUT', `/api/v1/systems/${system.id}/classification`, {
      body: { answers: complete(questionnaire, { ...PRESETS.hr, roles: ['provider'] }) },
    });
    assert.ok([200, 201].includes(classified.status), await classified.text());
  });

  after(async () => {
    const problems = browser?.problems ?? [];
    await closeSession(browser, server);
    console.log(`# the check-and-act journey took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.deepEqual(problems, [], 'no page or console errors');
  });

  test('internal audit: programme → audit with lead and team → checklist → finding → report → two sign-offs (frozen)', async () => {
    await as(admin);
    await go('Audit programme');
    await page.getByTestId('coverage-table').waitFor();
    await page.locator('[data-requirement="8.3"]').getByTestId('not-covered').waitFor();
    await page.getByRole('link', { name: 'Plan an audit' }).click();
    const form = page.getByTestId('kind-form');
    await form.waitFor();
    await form.locator('[name="title"]').fill('2026 audit of AI risk assessment and treatment');
    await form.locator('[name="objectives"]').fill('Establish whether risks are assessed and treated as planned.');
    await form.locator('[name="criteria"]').fill('ISO/IEC 42001 clause 8 and our risk procedure.');
    await form.locator('[name="clauses"]').fill('8.2, 8.3, 8.4');
    await form.locator('select[name="lead_auditor"]').selectOption(people.lead.id);
    await form.locator(`input[name="team"][value="${people.team.id}"]`).check();
    await form.locator('[name="planned_start"]').fill(day());
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('checklist-empty').waitFor();
    auditId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    assert.match(auditId, /^IA-\d+$/);

    // The programme lists the audit and counts it for the clauses it covers.
    await go('Audit programme');
    await page.getByTestId('programme-audits').getByRole('link', { name: auditId }).waitFor();
    await page.locator('[data-requirement="8.3"]').getByRole('link', { name: auditId }).waitFor();
    await screenshot(page, 'journey-check-act-programme');

    // The lead auditor opens it from the programme and starts it: three rows, one per clause.
    await as(people.lead);
    await go('Audit programme');
    await page.locator('[data-requirement="8.2"]').getByRole('link', { name: auditId }).click();
    await page.getByTestId('audit-start').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Start' }).click();
    await page.locator('[data-row="8.4"]').waitFor();
    assert.equal(await page.locator('[data-row]').count(), 3);
    assert.equal(await page.getByTestId('independence-warnings').count(), 0, 'no auditor owns a record in scope');

    const record = async (id, examined, result, label) => {
      const row = page.locator(`[data-row="${id}"]`);
      await row.getByTestId('row-record').click();
      const f = page.getByTestId('row-form');
      await f.waitFor();
      await f.locator('[name="examined"]').fill(examined);
      await f.locator('[name="result"]').selectOption(result);
      await page.getByTestId('row-save').click();
      await row.getByTestId('row-result').filter({ hasText: label }).waitFor();
      await f.waitFor({ state: 'detached' });
    };
    await record('8.2', 'Risk assessments of the two systems of the year', 'conforming', 'Conforming');
    await record('8.3', 'Treatment plans of the high risks', 'nc_raised', 'Nonconformity raised');
    await record('8.4', '', 'not_sampled', 'Not sampled');

    await page.locator('[data-row="8.3"]').getByTestId('row-finding').click();
    const finding = page.getByTestId('finding-form');
    await finding.waitFor();
    await finding.locator('[name="type"]').selectOption('minor_nc');
    await finding.locator('[name="title"]').fill('Treatment plan without a due date');
    await finding.locator('[name="description"]').fill('Two of five high risks have treatment plans with no one named and no date.');
    await page.getByTestId('finding-save').click();
    await finding.waitFor({ state: 'detached' });
    await page.getByTestId('audit-tab-findings').click();
    const findingRow = page.locator('[data-finding]').filter({ hasText: 'Treatment plan without a due date' });
    await findingRow.waitFor();
    findingId = await findingRow.getAttribute('data-finding');
    // The lead auditor records the finding; raising its nonconformity is for who may write records.
    await findingRow.getByText('Not raised yet').waitFor();
    assert.equal(await findingRow.getByTestId('raise-nc').count(), 0, 'an auditor is not offered to raise an NC');
    const rows = await read(`/api/v1/internal-audits/${auditId}/checklist`);
    assert.deepEqual(Object.fromEntries(rows.items.map((r) => [r.id, r.result])), { 8.2: 'conforming', 8.3: 'nc_raised', 8.4: 'not_sampled' });

    await page.getByTestId('audit-tab-signoff').click();
    const reportForm = page.getByTestId('report-form');
    await reportForm.waitFor();
    await reportForm.locator('[name="conclusion"]').fill('Risk assessment conforms; one minor nonconformity in risk treatment; impact assessment not sampled.');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('audit-status').filter({ hasText: 'Reported' }).waitFor();
    await page.getByTestId('audit-tab-signoff').click();
    await page.getByTestId('sign-lead').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Sign off' }).click();
    await page.getByTestId('signoffs').filter({ hasText: `Lead auditor: ${people.lead.email}` }).waitFor();
    assert.equal(await page.getByTestId('sign-auditee').count(), 0, 'the lead auditor is no auditee');

    // The auditee finds the audit in the register and signs: the audit is frozen.
    await as(people.auditee);
    await go('Internal audits');
    await page.getByTestId('kind-table').getByRole('link', { name: /2026 audit of AI risk/ }).first().click();
    await page.getByTestId('audit-status').filter({ hasText: 'Reported' }).waitFor();
    await page.getByTestId('audit-tab-signoff').click();
    await page.getByTestId('sign-auditee').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Sign off' }).click();
    await page.getByTestId('audit-status').filter({ hasText: 'Signed off' }).waitFor();
    assert.match(await page.getByTestId('audit-status').textContent(), /frozen/);
    // Frozen: the page offers no Edit or Archive any more (the server would refuse them).
    await page.getByTestId('kind-locked').filter({ hasText: 'frozen' }).waitFor();
    assert.equal(await page.getByTestId('kind-edit').count() + await page.getByTestId('kind-archive').count(), 0);
    await page.getByTestId('audit-tab-signoff').click();
    const hash = (await page.getByTestId('report-hash').locator('code').textContent()).trim();
    const audit = await read(`/api/v1/internal-audits/${auditId}`);
    assert.equal(audit.status, 'signed_off');
    assert.equal(audit.report_sha256, hash);
    assert.deepEqual(audit.signoffs.map((s) => [s.as, s.email]), [['lead_auditor', people.lead.email], ['auditee', people.auditee.email]]);
    await frozen(`/api/v1/audit-findings/${findingId}`, { title: 'Changed afterwards' });
    await frozen(`/api/v1/internal-audits/${auditId}`, { objectives: 'Changed afterwards' });
    await screenshot(page, 'journey-check-act-audit-signed-off');
  });

  test('the finding\'s nonconformity: contained, analysed, elsewhere, an action, not effective, effective, closed', async () => {
    // The auditee raises it from the finding: the form is pre-filled from the finding.
    await page.getByTestId('audit-tab-findings').click();
    await page.locator(`[data-finding="${findingId}"]`).getByTestId('raise-nc').click();
    const form = page.getByTestId('kind-form');
    await form.waitFor();
    assert.equal(await form.locator('[name="source"]').inputValue(), 'internal_audit');
    assert.equal(await form.locator('[name="source_ref"]').inputValue(), findingId);
    assert.equal(await form.locator('[name="requirement"]').inputValue(), '8.3');
    assert.match(await form.locator('[name="title"]').inputValue(), /Treatment plan without a due date/);
    await form.locator('[name="description"]').fill('Two high risks have treatment plans with no owner and no due date (internal audit).');
    await form.locator('[name="severity"]').selectOption('minor');
    await form.locator('select[name="owner"]').selectOption(people.owner.id);
    await form.locator('[name="due_date"]').fill(day(60));
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('nc-steps').waitFor();
    ncId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    assert.match(ncId, /^NC-\d+$/);
    assert.equal(await page.locator('[data-step="containment"]').getAttribute('data-state'), 'next');

    // The owner works the steps.
    await as(people.owner);
    await go('Nonconformities');
    await page.getByTestId('kind-table').getByRole('link', { name: /Treatment plan without a due date/ }).first().click();
    const containment = page.getByTestId('containment-form');
    await containment.waitFor();
    await containment.locator('[name="action"]').fill('Owners and dates set for the two plans at once.');
    await page.getByTestId('containment-submit').click();
    await page.locator('[data-step="containment"][data-state="done"]').waitFor();

    const cause = page.getByTestId('cause-form');
    await cause.waitFor();
    await cause.locator('[name="method"]').selectOption('five_whys');
    await cause.locator('[name="analysis"]').fill('Why no date? The plan form did not ask for one. Why? The procedure names no fields.');
    await cause.locator('[name="root_cause"]').fill('The risk procedure does not require an owner and a due date per treatment.');
    await page.getByTestId('cause-submit').click();
    await page.locator('[data-step="cause_analysis"][data-state="done"]').waitFor();

    const elsewhere = page.getByTestId('elsewhere-form');
    await elsewhere.waitFor();
    await elsewhere.locator('input[name="could_occur_elsewhere"][value="yes"]').check();
    await elsewhere.locator('[name="where"]').fill('The impact assessments use the same plan form.');
    await page.getByTestId('elsewhere-submit').click();
    await page.locator('[data-step="elsewhere_check"][data-state="done"]').waitFor();

    /** Adds a corrective action; resolves to its id (the row shows it open). */
    const addAction = async (title) => {
      const f = page.getByTestId('action-form');
      await f.waitFor();
      await f.locator('[name="title"]').fill(title);
      await f.locator('[name="due_date"]').fill(day(30));
      await page.getByTestId('action-submit').click();
      const row = page.locator('[data-action][data-status="open"]').filter({ hasText: title });
      await row.waitFor();
      return row.getAttribute('data-action');
    };
    const finish = async (id) => {
      await page.getByTestId(`finish-${id}`).click();
      await page.locator(`[data-action="${id}"][data-status="done"]`).waitFor();
    };
    const first = await addAction('Require an owner and a due date for every risk treatment');

    // The one action tracker lists it among the owner's actions, with a link to it.
    await go('Actions');
    const tracker = page.getByTestId('actions-table');
    const tracked = tracker.locator('tbody tr').filter({ hasText: 'Require an owner and a due date' });
    await tracked.waitFor();
    assert.match(await tracked.textContent(), new RegExp(first));
    assert.equal(await tracked.getByRole('link').getAttribute('href'), `/corrective-actions/${first}`);
    await screenshot(page, 'journey-check-act-actions');
    const mine = await apiGet(server.url, await login(server.url, people.owner.email, PW), '/api/v1/actions?mine=true&source=corrective_action');
    assert.deepEqual(mine.items.map((a) => [a.record_id, a.status]), [[first, 'open']]);

    await go('Nonconformities');
    await page.getByTestId('kind-table').getByRole('link', { name: /Treatment plan without a due date/ }).first().click();
    await page.locator(`[data-action="${first}"]`).waitFor();
    await finish(first);

    const schedule = async () => {
      const f = page.getByTestId('check-form');
      await f.waitFor();
      await f.locator('[name="criterion"]').fill('Every risk treatment of the next quarter has an owner and a due date.');
      await f.locator('[name="due_date"]').fill(day(30));
      const verifier = f.locator('select[name="verifier"]');
      await verifier.locator(`option[value="${people.verifier.id}"]`).waitFor({ state: 'attached' });
      assert.equal(await verifier.locator(`option[value="${people.owner.id}"]`).count(), 0, 'the owner cannot verify');
      await verifier.selectOption(people.verifier.id);
      await page.getByTestId('check-submit').click();
      await page.getByTestId('nc-next-hint').filter({ hasText: `Waiting for ${people.verifier.name}` }).waitFor();
    };
    await schedule();

    // The verifier finds the actions not effective: the NC reopens.
    await as(people.verifier);
    await page.goto(`/nonconformities/${ncId}`);
    const result = page.getByTestId('result-form');
    await result.waitFor();
    await result.locator('input[name="result"][value="not_effective"]').check();
    await result.locator('[name="reason"]').fill('A treatment added last week still has no due date.');
    await page.getByTestId('result-submit').click();
    await page.locator('[data-check-result="not_effective"]').waitFor();
    await page.locator('[data-step="corrective_actions"][data-state="next"]').waitFor();
    assert.equal((await read(`/api/v1/nonconformities/${ncId}`)).status, 'actions_planned');
    await screenshot(page, 'journey-check-act-nc-reopened');

    await as(people.owner);
    await page.goto(`/nonconformities/${ncId}`);
    await page.getByTestId('nc-next-hint').filter({ hasText: 'not effective' }).waitFor();
    const second = await addAction('Make owner and due date required fields of the treatment form');
    await finish(second);
    await schedule();

    await as(people.verifier);
    await page.goto(`/nonconformities/${ncId}`);
    await page.getByTestId('result-form').waitFor();
    await page.getByTestId('result-form').locator('input[name="result"][value="effective"]').check();
    await page.getByTestId('result-submit').click();
    await page.locator('[data-check-result="effective"]').waitFor();

    await as(people.owner);
    await page.goto(`/nonconformities/${ncId}`);
    await page.getByTestId('nc-close').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close it' }).click();
    await page.getByTestId('nc-closed').waitFor();
    // Closed is locked: the page says so and offers no Edit or Archive.
    await page.getByTestId('kind-locked').filter({ hasText: 'Closed: the nonconformity no longer changes.' }).waitFor();
    assert.equal(await page.getByTestId('kind-edit').count(), 0);
    for (const key of ['containment', 'cause_analysis', 'elsewhere_check', 'corrective_actions', 'effectiveness_check', 'effectiveness_result', 'close'])
      assert.equal(await page.locator(`[data-step="${key}"]`).getAttribute('data-state'), 'done', key);
    await screenshot(page, 'journey-check-act-nc-closed');

    await go('Nonconformities');
    const listed = page.getByTestId('kind-table').locator('tr').filter({ hasText: ncId });
    await listed.filter({ hasText: /closed/i }).waitFor();
    const nc = await read(`/api/v1/nonconformities/${ncId}`);
    assert.deepEqual([nc.status, nc.closed_on, nc.source_ref, nc.earlier_checks.length], ['closed', day(), findingId, 1]);
    const capas = await read(`/api/v1/corrective-actions?nc_id=${ncId}`);
    assert.deepEqual(capas.items.map((a) => a.status).sort(), ['done', 'done']);

    // The audit's finding now leads to its nonconformity.
    await page.goto(`/internal-audits/${auditId}`);
    await page.getByTestId('audit-tab-findings').click();
    await page.locator(`[data-finding="${findingId}"]`).getByTestId('finding-nc').filter({ hasText: ncId }).waitFor();
  });

  test('a serious incident: qualified with its rationale, one clock, initial and final report, board and dashboard', async () => {
    // Anyone who writes records reports an incident; only a manager qualifies it.
    const aware = Math.floor((Date.now() - 2 * 86400000) / 60000) * 60000; // a whole minute
    await go('AI incidents');
    await page.getByTestId('kind-new').click();
    const form = page.getByTestId('kind-form');
    await form.waitFor();
    await form.locator('[name="title"]').fill('Applicants with a career gap ranked last');
    await form.locator('select[name="system_id"]').selectOption(system.id);
    await form.locator('[name="occurred_at"]').fill(new Date(aware - 3 * 86400000).toISOString());
    await form.locator('[name="became_aware_at"]').fill(new Date(aware).toISOString());
    await form.locator('[name="description"]').fill('The ranking put every applicant with a career gap at the bottom of the list.');
    await form.locator('[name="severity"]').selectOption('high');
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('incident-workflow').getByText('Not qualified yet.', { exact: true }).waitFor();
    incidentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    assert.match(incidentId, /^INC-\d+$/);
    assert.equal(await page.getByTestId('qualify-open').count(), 0, 'a contributor does not qualify');

    await as(people.qualifier);
    await go('AI incidents');
    await page.getByTestId('kind-table').getByRole('link', { name: /career gap ranked last/ }).first().click();
    await page.getByTestId('qualify-open').click();
    const wizard = page.getByTestId('qualify-form');
    await wizard.waitFor();
    await wizard.locator('input[name="harm_category"][value="c"]').check();
    await wizard.locator('input[name="causal_link"][value="established"]').check();
    await wizard.locator('[name="rationale"]').fill('A high-risk recruitment system discriminated indirectly; the model caused it.');
    await page.getByTestId('qualify-submit').click();
    await page.getByTestId('qualification-outcome').filter({ hasText: 'Serious incident' }).waitFor();
    assert.match(await page.getByTestId('qualification-outcome').textContent(), new RegExp(`Qualified by ${people.qualifier.email}`));
    const clocks = page.getByTestId('incident-clocks');
    await clocks.locator('[data-clock="eu-ai-act-73-2"][data-status="running"]').waitFor();
    // One deadline: the 15 days of Art. 73(2); no other clock applies to this provider's incident.
    assert.deepEqual(await clocks.locator('[data-clock]').evaluateAll((rs) => rs.filter((r) => r.dataset.status !== 'not_applicable').map((r) => r.dataset.clock)), ['eu-ai-act-73-2']);
    assert.match(await clocks.locator('[data-clock="eu-ai-act-73-2"]').textContent(), /Art\. 73\(2\).*Running.*left/s);
    const stored = await read(`/api/v1/incidents/${incidentId}`);
    assert.equal(stored.serious, true);
    assert.equal(stored.qualification.rationale, 'A high-risk recruitment system discriminated indirectly; the model caused it.');
    assert.equal(new Date(stored.next_deadline).getTime(), aware + 15 * 86400000, 'the deadline is 15 days after awareness');
    await screenshot(page, 'journey-check-act-incident-qualified');

    // The clocks board and the dashboard show the running clock.
    await go('AI incidents');
    await page.getByRole('link', { name: 'Reporting clocks board' }).click();
    const card = page.locator(`[data-incident="${incidentId}"]`);
    await card.locator('[data-clock="eu-ai-act-73-2"][data-status="running"]').waitFor();
    await go('Dashboard');
    await incidentFigure('open_clocks', 1);
    await incidentFigure('serious', 1);
    await incidentFigure('overdue_clocks', 0);
    await screenshot(page, 'journey-check-act-dashboard-clock');

    await go('AI incidents');
    await page.getByTestId('kind-table').getByRole('link', { name: /career gap ranked last/ }).first().click();
    const local = (msAgo) => page.evaluate((ago) => {
      const d = new Date(Date.now() - ago);
      const p = (n) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    }, msAgo);
    for (const [n, type, ago] of [[1, 'initial', 3 * 3600000], [2, 'final', 20 * 60000]]) {
      await page.getByTestId('report-open').click();
      const f = page.getByTestId('report-form');
      await f.waitFor();
      await f.locator('[name="type"]').selectOption(type);
      await f.locator('[name="recipient_kind"]').selectOption('authority');
      await f.locator('[name="recipient"]').fill('Market surveillance authority');
      await f.locator('[name="sent_at"]').fill(await local(ago));
      await f.locator('[name="reference"]').fill(`MSA-2026-${n}`);
      await f.locator('[name="content"]').fill(type === 'initial' ? 'What we know so far (Art. 73(5)).' : 'Cause found, model withdrawn, applicants re-ranked.');
      await page.getByTestId('report-submit').click();
      await page.locator(`[data-report="RPT-${n}"]`).waitFor();
    }
    await page.locator('[data-clock="eu-ai-act-73-2"][data-status="met"]').waitFor();
    assert.match(await page.locator('[data-clock="eu-ai-act-73-2"]').getByTestId('clock-status').textContent(), /Met \(in time\) by RPT-1/);
    const chain = await read(`/api/v1/incidents/${incidentId}/reports`);
    assert.deepEqual(chain.items.map((r) => [r.id, r.type, r.reference]), [['RPT-1', 'initial', 'MSA-2026-1'], ['RPT-2', 'final', 'MSA-2026-2']]);
    for (const r of chain.items) {
      assert.match(r.sha256, /^[0-9a-f]{64}$/);
      assert.equal(await page.locator(`[data-report="${r.id}"] td[title]`).getAttribute('title'), r.sha256);
    }
    // The chain is closed by the final report: nothing more can be added.
    const after = await fetch(`${server.url}/api/v1/incidents/${incidentId}`, { headers: { cookie: api.cookie } });
    const late = await apiSend(server.url, api, 'POST', `/api/v1/incidents/${incidentId}/reports`, {
      body: { type: 'follow_up', recipient_kind: 'authority', recipient: 'x', sent_at: new Date().toISOString(), content: 'x' },
      headers: { 'if-match': after.headers.get('etag') },
    });
    assert.equal(late.status, 409, await late.text());
    await screenshot(page, 'journey-check-act-incident-reported');

    await go('AI incidents');
    await page.getByRole('link', { name: 'Reporting clocks board' }).click();
    await page.getByTestId('clocks-board').getByText('0 incident(s).').waitFor();
    await go('Dashboard');
    await incidentFigure('open_clocks', 0);
    await incidentFigure('serious', 1);
  });

  test('management review: planned with top management, started (the pack shows the NC, the audit, the incident), decisions, conclusion, sign-off', async () => {
    await as(admin);
    await go('Management review');
    await page.getByTestId('kind-new').click();
    const form = page.getByTestId('kind-form');
    await form.waitFor();
    await form.locator('[name="title"]').fill('Management review after the first audit');
    await form.locator('[name="planned_on"]').fill(day());
    for (const p of [admin, people.auditee, people.lead]) await form.locator(`input[name="attendees"][value="${p.id}"]`).check();
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('review-workflow').waitFor();
    await page.getByTestId('top-management-present').waitFor();
    reviewId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
    assert.match(reviewId, /^MR-\d+$/);

    await page.getByTestId('review-start').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Start and freeze the pack' }).click();
    const pack = page.getByTestId('review-pack');
    await pack.waitFor();
    await pack.locator(`[data-section="nonconformities"] a[href="/nonconformities/${ncId}"]`).waitFor();
    await pack.locator(`[data-section="audits"] a[href="/internal-audits/${auditId}"]`).waitFor();
    await pack.locator(`[data-section="incidents"] a[href="/incidents/${incidentId}"]`).waitFor();
    assert.match(await page.getByTestId('pack-summary-nonconformities').textContent(), /^0 nonconformities open, 0 overdue; 0 corrective actions overdue\.$/);
    // The high-risk system's EU AI Act obligations are named by their article and title, linked to its board.
    const obligations = `a[href="/obligations?system=${system.id}"]`;
    await pack.locator(`[data-section="changes"] li:has(${obligations})`).filter({ hasText: 'Art. 4 AI literacy' }).waitFor();
    await pack.locator(`[data-section="ai_specific"] li:has(${obligations})`).filter({ hasText: 'Art. 4 AI literacy' }).waitFor();
    const inProgress = await read(`/api/v1/management-reviews/${reviewId}`);
    assert.equal(inProgress.status, 'in_progress');
    assert.equal(await page.getByTestId('pack-hash').textContent(), inProgress.pack_hash);
    const stored = await read(`/api/v1/management-reviews/${reviewId}/pack`);
    assert.equal(stored.sha256, inProgress.pack_hash);
    await screenshot(page, 'journey-check-act-review-pack');

    const decisions = [
      ['improvement', 'Fairness test before every ranking model release', people.auditee],
      ['resources', 'A second internal auditor for the next cycle', admin],
    ];
    for (const [type, title, owner] of decisions) {
      const f = page.getByTestId('decision-form');
      await f.getByLabel('Type').selectOption(type);
      await f.getByLabel('Decision').fill(title);
      await f.getByLabel('Owner').selectOption(owner.id);
      await f.getByLabel('Due date').fill(day(90));
      await page.getByTestId('decision-add').click();
      await page.locator('[data-decision]').filter({ hasText: title }).waitFor();
    }
    assert.equal(await page.getByTestId('review-sign-off').isDisabled(), true, 'no sign-off before the conclusion');

    // The decisions are tracked actions: everyone's list shows both, with their owners.
    await go('Actions');
    await page.getByTestId('actions-everyone').click();
    await page.waitForURL(/mine=false/);
    const tracker = page.getByTestId('actions-table');
    for (const [, title] of decisions) await tracker.locator('tbody tr').filter({ hasText: title }).waitFor();
    const tracked = await read('/api/v1/actions?source=review_action');
    assert.deepEqual(tracked.items.map((a) => [a.title, a.owner, a.status]).sort(),
      decisions.map(([, title, owner]) => [title, owner.id, 'open']).sort());

    await go('Management review');
    await page.getByTestId('kind-table').getByRole('link', { name: /after the first audit/ }).first().click();
    await page.getByTestId('review-workflow').getByTestId('review-sign-off').waitFor();
    await page.getByTestId('kind-edit').click();
    const edit = page.getByTestId('kind-form');
    await edit.locator('[name="suitability_text"]').waitFor();
    await edit.locator('[name="suitability"]').selectOption('suitable');
    await edit.locator('[name="suitability_text"]').fill('The AIMS fits our use of AI in recruitment.');
    await edit.locator('[name="adequacy"]').selectOption('adequate');
    await edit.locator('[name="adequacy_text"]').fill('Adequate once the second auditor is funded.');
    await edit.locator('[name="effectiveness"]').selectOption('effective');
    await edit.locator('[name="effectiveness_text"]').fill('The nonconformity was closed effectively and the incident reported in time.');
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('flash').filter({ hasText: 'Changes saved.' }).waitFor();
    if (!new URL(page.url()).pathname.endsWith(reviewId)) await page.goto(`/management-reviews/${reviewId}`);
    const signOff = page.getByTestId('review-sign-off');
    await page.locator('[data-testid="review-sign-off"]:enabled').waitFor();

    await signOff.click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Sign off and lock' }).click();
    await page.getByTestId('signed-off').waitFor();
    assert.equal(await page.getByTestId('decision-form').count(), 0, 'no decision after the sign-off');
    assert.equal(await page.getByTestId('review-sign-off').count(), 0);
    await page.getByTestId('kind-locked').filter({ hasText: 'locked' }).waitFor();
    assert.equal(await page.getByTestId('kind-edit').count() + await page.getByTestId('kind-archive').count(), 0);
    const signed = await read(`/api/v1/management-reviews/${reviewId}`);
    assert.equal(signed.status, 'signed_off');
    assert.equal(signed.signed_off_by, admin.email);
    assert.match(signed.sign_off_hash, /^[0-9a-f]{64}$/);
    assert.match(await page.getByTestId('signed-off').textContent(), new RegExp(signed.sign_off_hash));
    const locked = await apiSend(server.url, api, 'PATCH', `/api/v1/management-reviews/${reviewId}`, {
      body: { agenda: 'Changed afterwards' }, headers: { 'if-match': `"v${signed.version}"` },
    });
    assert.equal(locked.status, 409, await locked.text());
    await screenshot(page, 'journey-check-act-review-signed-off');
  });
});
