/**
 * The node in the n8n editor, in a real browser: the owner signs up, finds Mapp Connect and its trigger in the node
 * panel, each with its own description, adds Mapp Connect as User → Create or Update, finds the sandbox's groups in
 * the Group dropdown and the Request Options in the Settings tab, executes the node and sees the result in the
 * output panel, runs the main example workflow, and reads the Production URL of example 5's trigger. Screenshots go to docs/screenshots/; a failed step leaves one in test-results/.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { loadPackage } from '../../tooling/harness/package-types';
import { OWNER } from '../../tooling/n8n/editor';
import { packageWarnings } from '../../tooling/n8n/log-check';
import { MAIN_EXAMPLE_FILE, exampleWorkflows } from '../../tooling/n8n/examples';
import { REPO_ROOT } from '../../tooling/n8n/paths';
import { N8nSession, type Editor } from '../../tooling/n8n/session';
import { STABLE } from '../../tooling/n8n/versions';
import fixtures from '../../tooling/sandbox/fixtures.json';
import { launchChromium, type Browser } from './chromium';

const SCREENSHOTS = join(REPO_ROOT, 'docs', 'screenshots');
/** Git-ignored: what the page showed when a step failed, and n8n's log. */
const FAILURES = join(REPO_ROOT, 'test-results', 'browser');
const SETUP_TIMEOUT_MS = 30 * 60_000;
const STEP_TIMEOUT_MS = 90_000;
const CONTACT = 'anna@example.com';

describe(`the Mapp Connect node in the n8n ${STABLE.n8n} editor`, () => {
	let session: N8nSession;
	let editor: Editor;
	let browser: Browser;
	let page: Page;

	const testId = (id: string) => page.locator(`[data-test-id="${id}"]`);
	const screenshot = (dir: string, name: string) => {
		mkdirSync(dir, { recursive: true });
		return page.screenshot({ path: join(dir, `${name}.png`) });
	};

	/** Types into the node creator's search once it is open (typing earlier would go to the canvas's shortcuts). */
	const searchNodes = async (text: string) => {
		const search = page.locator(
			'input[data-test-id="node-creator-search-bar"], [data-test-id="node-creator-search-bar"] input',
		);
		await search.first().waitFor();
		await search.first().fill(text);
	};

	/** One step of the walk through the editor; the steps build on each other, in order. */
	const step = (name: string, run: () => Promise<void>) =>
		it(name, { timeout: STEP_TIMEOUT_MS }, async () => {
			try {
				await run();
			} catch (error) {
				await screenshot(FAILURES, name.replace(/\W+/g, '-')).catch(() => undefined);
				throw error;
			}
		});

	before(
		async () => {
			session = await N8nSession.open(STABLE, { keepLogAt: join(FAILURES, 'n8n.log') });
			await session.importWorkflows(exampleWorkflows());
			editor = await session.startEditor();
			assert.deepEqual(packageWarnings(session.log), [], 'n8n loaded the package without trouble');
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

	step('signs up the owner', async () => {
		await page.goto(editor.url);
		for (const field of ['email', 'firstName', 'lastName', 'password'] as const) {
			await page.fill(`input[name=${field}]`, OWNER[field]);
		}
		await testId('form-submit-button').click();
		await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
	});

	step(
		'lists Mapp Connect and its trigger in the node panel, each with its own description',
		async () => {
			const pkg = await loadPackage();
			const describedAs = (type: string) =>
				pkg.nodeTypes.getByNameAndVersion(pkg.typeName(type)).description.description;
			const [node, trigger] = [
				describedAs('mappConnect'),
				describedAs('mappConnectFeedbackTrigger'),
			];
			const items = testId('item-iterator-item');
			const named = (name: string) =>
				items.filter({ has: testId('node-creator-item-name').getByText(name, { exact: true }) });
			/** The node panel's text once an entry is opened: its details, then its triggers and actions. */
			const opened = async (name: string, awaiting: string) => {
				await page.goto(`${editor.url}/workflow/new`);
				await testId('canvas-plus-button').click();
				await searchNodes('Mapp Connect');
				await named(name).first().click();
				const panel = testId('node-creator');
				await panel.getByText(awaiting, { exact: true }).first().waitFor();
				return await panel.innerText();
			};

			const nodePanel = await opened('Mapp Connect', 'Create or update a user');
			assert.ok(
				nodePanel.includes(node),
				`Mapp Connect's entry shows its description: ${nodePanel}`,
			);
			assert.ok(
				!nodePanel.includes(trigger),
				`Mapp Connect's entry shows the trigger's: ${nodePanel}`,
			);

			const triggerPanel = await opened('Mapp Connect Trigger', trigger);
			assert.ok(
				!triggerPanel.includes(node),
				`the trigger's entry shows Mapp Connect's: ${triggerPanel}`,
			);
		},
	);

	step('adds Mapp Connect to a new workflow as User → Create or Update', async () => {
		await page.goto(`${editor.url}/workflow/new`);
		await testId('canvas-plus-button').click();
		await searchNodes('Manual Trigger');
		await testId('item-iterator-item').filter({ hasText: 'Manual Trigger' }).first().click();
		await testId('canvas-trigger-node').waitFor();

		await testId('canvas-handle-plus').first().click();
		await searchNodes('Mapp Connect');
		await testId('item-iterator-item')
			.filter({ hasText: /^Mapp Connect$/ })
			.first()
			.click();
		await page.getByText('Create or update a user', { exact: true }).click();

		await testId('ndv').waitFor();
		assert.equal(
			await testId('node-credentials-select').locator('input').inputValue(),
			'Mapp Connect (sandbox)',
		);
		assert.equal(await testId('parameter-input-resource').locator('input').inputValue(), 'User');
		assert.equal(
			await testId('parameter-input-operation').locator('input').inputValue(),
			'Create or Update',
		);
	});

	step("lists the sandbox's groups in the Group dropdown", async () => {
		await testId('parameter-input-email').locator('input').fill(CONTACT);
		await testId('resource-locator-group').locator('[data-test-id="rlc-input"]').click();
		const items = testId('rlc-item');
		await items.first().waitFor();
		await screenshot(SCREENSHOTS, 'editor-group-dropdown');

		const listed = await items.allInnerTexts();
		for (const [id, name] of Object.entries(fixtures.groups)) {
			assert.ok(
				listed.some((text) => text.includes(name) && text.includes(id)),
				`group ${name} (${id}) in ${JSON.stringify(listed)}`,
			);
		}
		await items.filter({ hasText: fixtures.groups['101'] }).filter({ hasText: '101' }).click();
	});

	step("shows the Request Options in the node's Settings tab", async () => {
		await testId('ndv').getByText('Settings', { exact: true }).click();
		await testId('ndv').getByText('Request Options', { exact: true }).waitFor();
		await testId('ndv').getByText('Parameters', { exact: true }).click();
	});

	step('executes the node and shows what Mapp Connect accepted in the output panel', async () => {
		await session.resetSandbox();
		await testId('node-execute-button').click();
		const output = testId('output-panel');
		await output.getByText(CONTACT).waitFor();
		await screenshot(SCREENSHOTS, 'editor-node-output');

		const shown = await output.innerText();
		assert.match(shown, /\b200\b/);
		assert.match(shown, /\btrue\b/);
		const events = await session.sandboxEvents();
		assert.deepEqual(
			events.map(({ subtype, body }) => ({ subtype, body })),
			[{ subtype: 'user', body: { email: CONTACT, group: '101' } }],
		);
	});

	step('runs the main example workflow from the editor', async () => {
		const example = exampleWorkflows().find((workflow) => workflow.file === MAIN_EXAMPLE_FILE);
		assert.ok(example);
		await page.goto(`${editor.url}/workflow/${example.id}`);
		await testId('canvas-node').first().waitFor();
		await session.resetSandbox();

		await testId('execute-workflow-button').click();
		await page.getByText('Workflow executed successfully').waitFor();
		await testId('zoom-to-fit').click();
		await page.waitForTimeout(500);
		await screenshot(SCREENSHOTS, 'example-1-workflow');

		const subtypes = (await session.sandboxEvents()).map((event) => event.subtype).sort();
		assert.deepEqual(subtypes, ['email', 'email', 'user', 'user', 'user']);
	});

	step(
		"shows example 5's trigger with the Production URL the README gives: /webhook/<id>/mapp-feedback",
		async () => {
			const example = exampleWorkflows().find(
				(workflow) => workflow.file === '5-feedback-alert.json',
			);
			assert.ok(example);
			const { nodes } = JSON.parse(readFileSync(example.path, 'utf8')) as {
				nodes: Array<{ name: string; webhookId?: string }>;
			};
			const webhookId = nodes.find((node) => node.name === 'Mapp Connect Trigger')?.webhookId;
			assert.ok(webhookId, "example 5's trigger has a webhook ID");

			await page.goto(`${editor.url}/workflow/${example.id}`);
			await testId('canvas-node').filter({ hasText: 'Mapp Connect Trigger' }).first().dblclick();
			await testId('ndv').getByText('Webhook URLs').click();
			await testId('ndv').getByText('Production URL', { exact: true }).click();
			const url = await testId('ndv').locator('.webhook-url').first().innerText();
			assert.equal(new URL(url.trim()).pathname, `/webhook/${webhookId}/mapp-feedback`);
		},
	);
});
