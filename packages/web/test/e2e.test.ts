import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  buildUiIfStale,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  pageChecker,
  serveUi,
  startOperon,
  WEB_DIRECTORY,
  type PageChecker,
  type RunningOperon,
} from './e2e-harness';

const available = existsSync(CHROMIUM_PATH);
const inCi = process.env.CI === 'true';
if (!available) {
  console.warn(`Skipping the web end-to-end tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`);
}

const FIXTURES = join(WEB_DIRECTORY, 'test', 'fixtures');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// Only registered where it must fail: CI without Chromium (elsewhere the suite below is skipped with the warning above).
if (!available && inCi) {
  describe('web end-to-end prerequisites', () => {
    it('has Chromium in CI', () => {
      expect.fail(`CI=true but there is no Chromium at ${CHROMIUM_PATH}; .ci/run should install it.`);
    });
  });
}

describe.runIf(available)('the web UI in headless Chromium', () => {
  let operon: RunningOperon;
  let ui: { url: string; close(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    await buildUiIfStale();
    operon = await startOperon();
    ui = await serveUi(operon.url);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser.close();
    await ui.close();
    await operon.stop();
  });

  async function signedInPage(folder: string): Promise<{ page: Page; checker: PageChecker }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const checker = pageChecker(page, folder, axeSource);
    await page.goto(ui.url);
    await page.getByRole('heading', { name: 'Sign in to Operon' }).waitFor();
    await checker.check('sign-in');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Signed in as admin').waitFor();
    return { page, checker };
  }

  /** Opens fixture files in the modeler and deploys them; returns the deployed process's page. */
  async function deployThroughModeler(page: Page, checker: PageChecker, files: string[], processId: string) {
    await page.getByRole('link', { name: 'Modeler' }).click();
    await page.locator('.op-modeler-canvas .djs-container').waitFor();
    await page.locator('input[type=file]').setInputFiles(files.map((name) => join(FIXTURES, name)));
    await page.getByText(/^Opened /).waitFor();
    await checker.check('modeler');
    await page.getByRole('button', { name: 'Form', exact: true }).click();
    await page.locator('.op-form-editor .fjs-editor-container').waitFor();
    await checker.check('form-editor');
    await page.getByRole('button', { name: 'Diagram', exact: true }).click();
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page.getByText(new RegExp(`^Deployed ${processId} version 1\\.`)).waitFor();
    await page.getByRole('link', { name: 'Open the process' }).click();
    await page.locator('.op-diagram[data-imported="true"]').waitFor();
  }

  async function startInstance(page: Page, variables: string): Promise<string> {
    await page.getByLabel('Variables (JSON)').fill(variables);
    await page.getByRole('button', { name: 'Start instance' }).click();
    await page.waitForURL(/#\/instances\/.+/);
    await page.locator('.op-diagram[data-imported="true"]').waitFor();
    return decodeURIComponent(page.url().split('#/instances/')[1] ?? '');
  }

  const element = (page: Page, id: string, marker: string) =>
    page.locator(`g.djs-element.${marker}[data-element-id="${id}"]`);
  /** A diagram marker is there (attached: a straight connection has no visible box to wait for). */
  const marked = (page: Page, id: string, marker: string) => element(page, id, marker).waitFor({ state: 'attached' });

  it('models, deploys, starts, works the task through its form, and shows the completed path', async () => {
    const { page, checker } = await signedInPage('deploy-and-complete-task');
    await checker.check('tasks-empty');

    await deployThroughModeler(page, checker, ['expense-approval.bpmn', 'expense-review.form'], 'expense-approval');
    await checker.check('process');
    const instanceKey = await startInstance(page, '{"amount": 120}');
    await marked(page, 'UserTask_Review', 'op-active');
    await marked(page, 'StartEvent_Submitted', 'op-completed');
    await checker.check('instance-waiting');

    await page.getByRole('link', { name: 'Tasks' }).click();
    await page.getByRole('button', { name: 'Unassigned' }).click();
    await page.getByRole('link', { name: /Review expense/ }).click();
    await page.getByText('Check the receipt.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('button', { name: 'Give back' }).waitFor();
    await page.getByLabel(/^Comment/).waitFor();
    await checker.check('task-claimed');

    await page.getByRole('button', { name: 'Complete' }).click();
    await page.getByText('Some fields need attention').waitFor();
    await page.getByLabel(/^Comment/).fill('Within the travel policy.');
    await page.getByLabel('Approved').click();
    await page.locator('.fjs-form input[type=checkbox]:checked').waitFor();
    await page.getByRole('button', { name: 'Complete' }).click();
    await page.waitForURL(/#\/tasks$/);
    await page.getByText('No tasks here.').waitFor();

    await page.goto(`${ui.url}#/instances/${encodeURIComponent(instanceKey)}`);
    await page.getByRole('heading', { name: /Completed/ }).waitFor();
    await marked(page, 'EndEvent_Reviewed', 'op-completed');
    await marked(page, 'UserTask_Review', 'op-completed');
    await marked(page, 'Flow_2', 'op-completed');
    await page.getByRole('cell', { name: '"Within the travel policy."' }).waitFor();
    await page.getByRole('cell', { name: 'true', exact: true }).waitFor();
    await checker.check('instance-completed');

    await page.getByRole('link', { name: 'Instances' }).click();
    await page.getByRole('link', { name: instanceKey }).waitFor();
    await checker.check('instances');
    await page.getByRole('link', { name: 'Processes' }).click();
    await page.getByRole('link', { name: 'Expense approval' }).waitFor();
    await checker.check('processes');
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('cell', { name: 'admin', exact: true }).first().waitFor();
    const newGroup = page.getByRole('form', { name: 'New group' });
    await newGroup.getByLabel('Group').fill('sales-managers');
    await newGroup.getByLabel('Role').selectOption('task-user');
    await newGroup.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('cell', { name: 'sales-managers', exact: true }).waitFor();
    await checker.check('administration');

    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { name: '系统管理' }).waitFor();
    await page.getByRole('link', { name: '任务' }).click();
    await page.getByRole('heading', { name: '任务' }).waitFor();
    await checker.check('tasks-zh-CN');
    await page.setViewportSize({ width: 390, height: 844 });
    await checker.check('tasks-phone');

    expect(checker.violations).toEqual([]);
    expect(checker.consoleErrors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('shows an incident on the diagram and retries it from the UI', async () => {
    const { page, checker } = await signedInPage('incident-retry');
    await deployThroughModeler(page, checker, ['payment-routing.bpmn'], 'payment-routing');
    await startInstance(page, '{}');
    await marked(page, 'Gateway_Amount', 'op-incident');
    await page.getByText(/Variable 'amount' not found/).waitFor();
    await checker.check('instance-incident');

    await page.getByRole('link', { name: 'payment-routing:1' }).click();
    await page.locator('.op-badge-incidents').first().waitFor();
    await checker.check('process-statistics');
    await page.goBack();
    await marked(page, 'Gateway_Amount', 'op-incident');

    await page.getByLabel('Name', { exact: true }).fill('amount');
    await page.getByLabel('Value (JSON)').fill('50');
    await page.getByRole('button', { name: 'Set variable' }).click();
    await page.getByRole('cell', { name: '50', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('heading', { name: /Completed/ }).waitFor();
    await marked(page, 'EndEvent_Small', 'op-completed');
    expect(await element(page, 'Gateway_Amount', 'op-incident').count()).toBe(0);
    await checker.check('instance-retried');

    expect(checker.violations).toEqual([]);
    expect(checker.consoleErrors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('marks the errors the service finds in a model on the diagram', async () => {
    const { page, checker } = await signedInPage('model-diagnostics');
    await page.getByRole('link', { name: 'Modeler' }).click();
    await page.locator('.op-modeler-canvas .djs-container').waitFor();
    await page.locator('input[type=file]').setInputFiles(join(FIXTURES, 'broken-shipping.bpmn'));
    await page.getByText(/^Opened /).waitFor();
    await page.getByRole('button', { name: 'Deploy' }).click();
    await page.getByRole('list', { name: 'Problems in the model' }).getByText('MISSING_TASK_TYPE').waitFor();
    await marked(page, 'ServiceTask_Ship', 'op-diagnostic-error');
    await page.getByRole('button', { name: 'ServiceTask_Ship' }).click();
    await page.locator('.op-properties').getByText('Ship', { exact: true }).first().waitFor();
    await checker.check('modeler-diagnostics');

    expect(checker.violations).toEqual([]);
    // The refused deployment (400) is the one error the browser reports, and it is expected.
    const unexpected = checker.consoleErrors.filter(
      (error) => !(error.includes('status of 400') && error.includes('/api/v1/deployments')),
    );
    expect(unexpected).toEqual([]);
    await page.context().close();
  }, 180_000);
});
