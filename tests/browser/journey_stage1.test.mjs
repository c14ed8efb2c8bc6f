// Browser test of a new compliance lead's stage-1 set-up in real chromium against a real aims
// server with a fresh organization (not the demo), through the web UI only (the API only reads back
// to assert): invite two colleagues who accept; register two AI systems and set the scope (one in,
// one out with a reason) and see its statement; record context issues, an interested party and its
// requirement; write the AI policy, submit it, have the two colleagues approve it in turn (each
// logged in as themselves), which publishes it, and one of them acknowledge it; create an AIMS
// role, assign it, a competence and a training campaign and complete it; then the pages of clauses
// 4, 5 and 7 show every stage-1 document.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiGet, closeSession, launchBrowser, openSession, screenshot, uiLogin } from './helpers.mjs';
import { settled } from './pages.mjs';

const PW = 'stage one colleague password 7';
const colleagues = [
  { email: 'alex.approver@acme.test', name: 'Alex Approver' },
  { email: 'blair.board@acme.test', name: 'Blair Board' },
];

describe("a new compliance lead's stage-1 set-up", () => {
  let server, browser, page, api, started;
  const others = []; // the colleagues' browsers, logged in as themselves
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const read = (path) => apiGet(server.url, api, path);

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

  /** Fills the schema-driven form shown and submits it; resolves to the new record's id. */
  async function submitKindForm(fill) {
    await page.getByTestId('kind-form').waitFor();
    await fill(page.getByTestId('kind-form'));
    await page.getByTestId('kind-submit').click();
    await page.getByTestId('kind-detail').or(page.getByTestId('document-workflow')).first().waitFor();
    return decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  }

  /** Picks the record found by `text` in the search picker of the field `name`. */
  async function pick(form, name, text, option) {
    await form.getByTestId(`picker-${name}`).getByRole('combobox').fill(text);
    await page.getByRole('option', { name: option }).click();
    await form.getByTestId(`refs-${name}`).filter({ hasText: text }).waitFor();
  }

  before(async () => {
    started = Date.now();
    ({ server, browser, page, api } = await openSession({ api: true }));
    await uiLogin(page, server.admin.email, server.admin.password);
  });

  after(async () => {
    const problems = [...(browser?.problems ?? []), ...others.flatMap((b) => b.problems)];
    for (const b of others) await b.close();
    await closeSession(browser, server);
    console.log(`# the stage-1 journey took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    assert.deepEqual(problems, [], 'no page or console errors');
  });

  test('invite two colleagues; each accepts in a browser of their own', async () => {
    await go('People');
    for (const c of colleagues) {
      const form = page.getByTestId('invite-form');
      await form.getByLabel('Email').fill(c.email);
      await form.getByLabel('Role').selectOption('manager');
      await form.getByRole('button', { name: 'Invite' }).click();
      const link = page.getByTestId('invite-link-url');
      await page.getByTestId('invite-link').filter({ hasText: c.email }).waitFor();
      const url = await link.inputValue();
      const b = await launchBrowser({ baseURL: server.url });
      others.push(b);
      await b.page.goto(new URL(url).pathname);
      await b.page.getByTestId('invite-intro').filter({ hasText: c.email }).waitFor();
      await b.page.getByLabel('Your name').fill(c.name);
      await b.page.getByLabel('New password', { exact: true }).fill(PW);
      await b.page.getByLabel('New password again').fill(PW);
      await b.page.getByRole('button', { name: 'Join' }).click();
      await b.page.getByTestId('user-email').filter({ hasText: c.email }).waitFor();
    }
    await page.reload();
    for (const c of colleagues) await page.getByTestId(`member-${c.email}`).getByText('Active').waitFor();
    const members = await read('/api/v1/org/members');
    for (const c of colleagues) {
      const m = members.items.find((x) => x.email === c.email);
      assert.equal(m?.role, 'manager', `${c.email} is a manager`);
      c.id = m.id;
    }
  });

  test('register two AI systems and set the scope: one in, one out with a reason; the statement says so', async () => {
    for (const [name, purpose] of [
      ['Loan scoring', 'Scores consumer loan applications.'],
      ['Parcel routing', 'Plans delivery routes; run by the logistics supplier.'],
    ]) {
      await go('AI systems');
      await page.getByTestId('new-system').click();
      await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
      await page.getByRole('textbox', { name: 'Purpose', exact: true }).fill(purpose);
      await page.getByRole('button', { name: 'Register AI system' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
    }
    const systems = (await read('/api/v1/systems?sort=name')).items;
    const loan = systems.find((s) => s.name === 'Loan scoring');
    const parcel = systems.find((s) => s.name === 'Parcel routing');
    await go('AIMS scope');
    await page.getByTestId('scope-units').fill('Retail Banking');
    await page.getByTestId('scope-role-deployer').check();
    await page.getByTestId(`scope-where-${loan.id}`).selectOption('in');
    await page.getByTestId(`scope-where-${parcel.id}`).selectOption('out');
    await page.getByTestId(`scope-reason-${parcel.id}`).fill('Operated by the logistics supplier under its own controls');
    await page.getByTestId('scope-statement').filter({ hasText: '1 AI system (Loan scoring)' }).waitFor();
    await page.getByTestId('scope-save').click();
    await page.getByTestId('scope-notice').filter({ hasText: 'Scope saved' }).waitFor();
    const scope = await read('/api/v1/scope');
    assert.deepEqual(scope.in_scope, [loan.id]);
    assert.deepEqual(scope.out_of_scope, [{ system_id: parcel.id, reason: 'Operated by the logistics supplier under its own controls' }]);
    assert.equal(await page.getByTestId('scope-statement').textContent(), scope.statement);
  });

  test('context issues, an interested party and its requirement', async () => {
    const issues = [
      { title: 'AI rules for credit decisions take effect', category: 'legal', effect: 'risk', relevance: 'high', review: '2027-03-31' },
      { title: 'Customers expect faster loan decisions', category: 'market', effect: 'opportunity', relevance: 'medium' },
    ];
    for (const i of issues) {
      await go('Context issues');
      await page.getByTestId('kind-new').click();
      await submitKindForm(async (form) => {
        await form.locator('input[name="title"]').fill(i.title);
        await form.locator('select[name="origin"]').selectOption('external');
        await form.locator('select[name="category"]').selectOption(i.category);
        await form.locator('select[name="effect"]').selectOption(i.effect);
        await form.locator('select[name="relevance"]').selectOption(i.relevance);
        if (i.review) await form.locator('input[name="review_date"]').fill(i.review);
      });
    }
    await go('Interested parties');
    await page.getByTestId('kind-new').click();
    const party = await submitKindForm(async (form) => {
      await form.locator('input[name="name"]').fill('Loan applicants');
      await form.locator('select[name="party_type"]').selectOption('affected_persons');
      await form.locator('select[name="origin"]').selectOption('external');
      await form.locator('select[name="owner_id"]').selectOption(colleagues[0].id);
      await form.locator('textarea[name="needs"]').fill('A fair score and a person who looks at a refusal.');
    });
    await go('Party requirements');
    await page.getByTestId('kind-new').click();
    const requirement = await submitKindForm(async (form) => {
      await form.locator('input[name="requirement"]').fill('A person reviews a refused application on request');
      await pick(form, 'party_id', 'Loan applicants', new RegExp(`${party} Loan applicants`));
      await form.locator('select[name="addressed"]').selectOption('no');
    });
    assert.deepEqual((await read('/api/v1/context-issues?sort=number')).items.map((r) => r.title), issues.map((i) => i.title));
    assert.equal((await read(`/api/v1/party-requirements/${requirement}`)).party_id, party);
    assert.equal((await read(`/api/v1/interested-parties/${party}`)).owner_id, colleagues[0].id);
  });

  test('the AI policy: written, approved by two colleagues in turn, published and acknowledged', async () => {
    await go('Documents');
    await page.getByTestId('kind-new').click();
    const doc = await submitKindForm(async (form) => {
      await form.locator('input[name="title"]').fill('AI policy');
      await form.locator('select[name="type"]').selectOption('policy');
      await form.locator('select[name="classification"]').selectOption('internal');
      const approvers = form.locator('[data-field="approvers"]');
      for (const c of colleagues) await approvers.getByRole('checkbox', { name: c.name }).check();
      await form.locator('[data-field="ack_required"]').getByRole('checkbox').check();
      await form.locator('input[name="audience_roles"]').fill('manager');
    });
    await page.getByTestId('draft-minor').click();
    await page.getByTestId('version-status').filter({ hasText: 'Draft' }).waitFor();
    await page.getByTestId('version-edit').click();
    await page.getByTestId('version-content').fill('# AI policy\n\nWe use AI only for purposes we can explain to the people it affects.\n');
    await page.getByTestId('version-note').fill('First issue');
    await page.getByTestId('version-save').click();
    await page.getByTestId('markdown').filter({ hasText: 'We use AI only for purposes' }).waitFor();
    await page.getByTestId('version-submit').click();
    await page.getByTestId('version-status').filter({ hasText: 'In review' }).waitFor();

    for (const [i, b] of others.entries()) {
      await b.page.goto(`/documents/${encodeURIComponent(doc)}`);
      const version = b.page.getByTestId('document-version');
      await version.getByTestId('version-approval').filter({ hasText: `${i} of 2 approvals` }).waitFor();
      await version.getByTestId('version-approve').click();
      await version.getByTestId('version-status').filter({ hasText: i === 0 ? 'In review' : 'Published' }).waitFor();
      await version.getByTestId('version-approval').filter({ hasText: `${i + 1} of 2 approvals` }).waitFor();
    }
    const v = await read(`/api/v1/documents/${encodeURIComponent(doc)}/versions/1.0`);
    assert.equal(v.status, 'published');
    assert.deepEqual(v.approval.decisions.map((d) => d.email), colleagues.map((c) => c.email));

    const alex = others[0].page;
    await alex.reload();
    await alex.getByTestId('ack-coverage').filter({ hasText: '0 of 2 acknowledged' }).waitFor();
    await alex.getByTestId('ack-button').click();
    await alex.getByTestId('ack-done').filter({ hasText: 'You acknowledged version 1.0' }).waitFor();
    const cov = await read(`/api/v1/documents/${encodeURIComponent(doc)}/acknowledgements`);
    assert.deepEqual([cov.acknowledged, cov.audience_size], [1, 2]);
  });

  test('an AIMS role assigned, a competence and a training campaign completed', async () => {
    await go('Competences');
    await page.getByTestId('kind-new').click();
    const competence = await submitKindForm(async (form) => {
      await form.locator('input[name="name"]').fill('AI literacy basics');
      await form.locator('select[name="category"]').selectOption('ai_literacy');
      await form.locator('input[name="validity_months"]').fill('12');
    });
    await go('AIMS roles');
    await page.getByTestId('kind-new').click();
    const role = await submitKindForm(async (form) => {
      await form.locator('input[name="name"]').fill('AI policy approver');
      await form.locator('textarea[name="purpose"]').fill('Approves the AI policy and its changes.');
      await pick(form, 'competence_ids', 'AI literacy basics', new RegExp(`${competence} AI literacy basics`));
    });
    await go('Role assignments');
    await page.getByTestId('kind-new').click();
    const assignment = await submitKindForm(async (form) => {
      await form.locator('select[name="person"]').selectOption(colleagues[1].id);
      await pick(form, 'role_id', 'AI policy approver', new RegExp(`${role} AI policy approver`));
    });
    await go('Training');
    await page.getByTestId('kind-new').click();
    const campaign = await submitKindForm(async (form) => {
      await form.locator('input[name="title"]').fill('AI literacy for approvers');
      await pick(form, 'competence_ids', 'AI literacy basics', new RegExp(`${competence} AI literacy basics`));
      await pick(form, 'audience_role_ids', 'AI policy approver', new RegExp(`${role} AI policy approver`));
      await form.locator('select[name="status"]').selectOption('open');
    });
    await go('Competence');
    await page.getByRole('link', { name: /AI literacy for approvers/ }).click();
    await page.getByTestId('completions').waitFor();
    await page.getByTestId('completions-summary').filter({ hasText: '0 of 1 completed' }).waitFor();
    const row = page.getByTestId(`completion-${colleagues[1].email}`);
    await row.getByTestId('complete-training').click();
    await page.getByTestId('completions-summary').filter({ hasText: '1 of 1 completed' }).waitFor();
    assert.equal((await read(`/api/v1/role-assignments/${assignment}`)).person, colleagues[1].id);
    const held = await read('/api/v1/competence-records');
    assert.ok(
      held.items.some((r) => r.person === colleagues[1].id && r.competence_id === competence),
      `completing ${campaign} records the competence it gives`,
    );
  });

  test('the pages of clauses 4, 5 and 7 show every stage-1 document', async () => {
    /** Opens `label` from the navigation; its register's table (or the part `testId`) shows `text`. */
    const shows = async (label, text, testId = 'kind-table') => {
      await go(label);
      await page.getByTestId(testId).getByText(text, { exact: false }).first().waitFor();
    };
    // Clause 4: the scope statement, the context issues, the interested parties and their requirements.
    await shows('AIMS scope', 'Loan scoring', 'scope-statement');
    await shows('Context issues', 'AI rules for credit decisions take effect');
    await shows('Interested parties', 'Loan applicants');
    await shows('Party requirements', 'A person reviews a refused application on request');
    // Clause 5: the AI policy, published, and the AIMS roles with their holders.
    await shows('Documents', 'AI policy');
    await page.getByTestId('kind-table').getByRole('link', { name: /AI policy/ }).first().click();
    await page.getByTestId('version-status').filter({ hasText: 'Published' }).waitFor();
    await page.getByTestId('ack-coverage').filter({ hasText: '1 of 2 acknowledged' }).waitFor();
    await shows('AIMS roles', 'AI policy approver');
    await shows('Role assignments', 'AI policy approver');
    // Clause 7: competences, training and who holds what.
    await shows('Competences', 'AI literacy basics');
    await shows('Training', 'AI literacy for approvers');
    await go('Competence');
    await page.getByTestId(`matrix-row-${colleagues[1].email}`).locator('[data-status="held"]').first().waitFor();
    await screenshot(page, 'journey-stage1-competence');
  });
});
