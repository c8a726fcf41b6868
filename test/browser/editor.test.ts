/**
 * The node in the n8n editor, in a real browser: the owner signs up, adds Mapp Connect as User → Create or Update,
 * finds the sandbox's groups in the Group dropdown, executes the node and sees the result in the output panel.
 * Screenshots go to docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { OWNER } from '../../scripts/n8n/editor';
import { exampleWorkflows, MAIN_EXAMPLE_FILE } from '../../scripts/n8n/examples';
import { REPO_ROOT } from '../../scripts/n8n/paths';
import { N8nSession, type Editor } from '../../scripts/n8n/session';
import { STABLE } from '../../scripts/n8n/versions';
import fixtures from '../sandbox/fixtures.json';
import { launchChromium, type Browser } from './chromium';

const SCREENSHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const SETUP_TIMEOUT_MS = 30 * 60_000;
const STEP_TIMEOUT_MS = 60_000;
const CONTACT = 'anna@example.com';

describe(`the Mapp Connect node in the n8n ${STABLE.n8n} editor`, () => {
	let session: N8nSession;
	let editor: Editor;
	let browser: Browser;
	let page: Page;

	const testId = (id: string) => page.locator(`[data-test-id="${id}"]`);
	const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });

	before(
		async () => {
			mkdirSync(SCREENSHOTS, { recursive: true });
			session = await N8nSession.open(STABLE);
			await session.importWorkflows(exampleWorkflows());
			editor = await session.startEditor();
			browser = await launchChromium();
			page = await browser.context.newPage();
			page.setDefaultTimeout(30_000);
			// Leaving an unsaved workflow asks for confirmation; the test leaves it unsaved on purpose.
			page.on('dialog', (dialog) => void dialog.accept());
		},
		{ timeout: SETUP_TIMEOUT_MS },
	);

	after(async () => {
		await browser?.close();
		await session?.close();
	});

	it('signs up the owner', { timeout: STEP_TIMEOUT_MS }, async () => {
		await page.goto(editor.url);
		await page.waitForURL(/\/setup/);
		for (const field of ['email', 'firstName', 'lastName', 'password'] as const) {
			await page.fill(`input[name=${field}]`, OWNER[field]);
		}
		await testId('form-submit-button').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
	});

	it('adds Mapp Connect to a new workflow as User → Create or Update', { timeout: STEP_TIMEOUT_MS }, async () => {
		await page.goto(`${editor.url}/workflow/new`);
		await testId('canvas-plus-button').click();
		await page.keyboard.type('Manual Trigger');
		await testId('item-iterator-item').filter({ hasText: 'Manual Trigger' }).first().waitFor();
		await page.keyboard.press('Enter');
		await testId('canvas-trigger-node').waitFor();

		await page.keyboard.press('Tab');
		await page.keyboard.type('Mapp Connect');
		await testId('item-iterator-item').filter({ hasText: /^Mapp Connect$/ }).first().click();
		await page.getByText('Create or update a user', { exact: true }).click();

		await testId('ndv').waitFor();
		assert.equal(await testId('node-credentials-select').locator('input').inputValue(), 'Mapp Connect (sandbox)');
		assert.equal(await testId('parameter-input-resource').locator('input').inputValue(), 'User');
		assert.equal(await testId('parameter-input-operation').locator('input').inputValue(), 'Create or Update');
	});

	it("lists the sandbox's groups in the Group dropdown", { timeout: STEP_TIMEOUT_MS }, async () => {
		await testId('parameter-input-email').locator('input').fill(CONTACT);
		await testId('resource-locator-group').locator('[data-test-id="rlc-input"]').click();
		const items = testId('rlc-item');
		await items.first().waitFor();
		await screenshot('editor-group-dropdown');

		const listed = await items.allInnerTexts();
		for (const [id, name] of Object.entries(fixtures.groups)) {
			assert.ok(
				listed.some((text) => text.includes(name) && text.includes(id)),
				`group ${name} (${id}) in ${JSON.stringify(listed)}`,
			);
		}
		await items.filter({ hasText: `${fixtures.groups['101']}` }).filter({ hasText: '101' }).click();
	});

	it('executes the node and shows what Mapp Connect accepted in the output panel', { timeout: STEP_TIMEOUT_MS }, async () => {
		await session.resetSandbox();
		await testId('node-execute-button').click();
		const output = testId('output-panel');
		await output.getByText(CONTACT).waitFor();
		await screenshot('editor-node-output');

		const shown = await output.innerText();
		assert.match(shown, /\b200\b/);
		assert.match(shown, /\btrue\b/);
		const events = await session.sandboxEvents();
		assert.deepEqual(
			events.map(({ subtype, body }) => ({ subtype, body })),
			[{ subtype: 'user', body: { email: CONTACT, group: '101' } }],
		);
	});

	it('runs the main example workflow from the editor', { timeout: STEP_TIMEOUT_MS }, async () => {
		const example = exampleWorkflows().find((workflow) => workflow.file === MAIN_EXAMPLE_FILE);
		assert.ok(example);
		await page.goto(`${editor.url}/workflow/${example.id}`);
		await testId('canvas-node').first().waitFor();
		await session.resetSandbox();

		await testId('execute-workflow-button').click();
		await page.getByText('Workflow executed successfully').waitFor();
		await testId('zoom-to-fit').click();
		await page.waitForTimeout(500);
		await screenshot('example-1-workflow');

		const subtypes = (await session.sandboxEvents()).map((event) => event.subtype).sort();
		assert.deepEqual(subtypes, ['email', 'email', 'user', 'user', 'user']);
	});
});
