/**
 * Mapp Connect does not redirect its API. A redirect comes from something else (a moved or
 * hijacked address, a proxy's login), and following it would carry the signed token and the
 * event's personal data to another origin: no request of the package follows one.
 */
import { loadOptions, runNode } from '../../tooling/harness';
import type { Loopback } from './loopback';
import { credentialsAt, startHtmlPage, startRedirector, startServer } from './loopback';
import { batchUpsert, userUpsert } from '../../tooling/harness/batch-fixtures';

const contacts = [{ email: 'anna@example.com' }, { email: 'ben@example.com' }];

/** Where a redirect points: it must never receive anything. */
let elsewhere: Loopback;
let servers: Loopback[] = [];

beforeEach(async () => {
	elsewhere = await startServer((_request, res) =>
		res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
	);
	servers = [elsewhere];
});
afterEach(async () => await Promise.all(servers.map(async (server) => await server.close())));

/** A credential whose base URL answers every request with a redirect of `status` to `target`. */
async function redirectingCredential(status: number, target = elsewhere.origin) {
	const redirector = await startRedirector(status, target);
	servers.push(redirector);
	return {
		redirector,
		credentials: credentialsAt(redirector.origin),
	};
}

describe('redirects are never followed', () => {
	it('single operation: a 307 to another origin is an error naming the status and origin; nothing goes there', async () => {
		const { redirector, credentials } = await redirectingCredential(307);
		const result = await runNode({ parameters: userUpsert, items: [contacts[0]], credentials });
		expect(result.error?.message).toBe(
			`Mapp Connect answered 307: a redirect to ${elsewhere.origin}, not followed`,
		);
		expect(result.error?.description).toContain('Mapp Connect does not redirect its API');
		expect(redirector.received).toHaveLength(1);
		expect(redirector.received[0].headers['auth-token']).toBeDefined();
		expect(elsewhere.received).toEqual([]);
	});

	it('Batch: a 307 is not retried, the batch is reported as not delivered, nothing goes to the other origin', async () => {
		const { redirector, credentials } = await redirectingCredential(307);
		const result = await runNode({
			parameters: { ...batchUpsert, batchOptions: { maxRetries: 3 } },
			items: contacts,
			credentials,
		});
		expect(result.error?.message).toBe('Batch 1 of 1 failed: items 0-1 were not delivered');
		expect(result.error?.description).toContain(
			`Batch 1 (items 0-1): HTTP 307: a redirect to ${elsewhere.origin}, not followed after 1 attempt.`,
		);
		expect(redirector.received).toHaveLength(1);
		expect(elsewhere.received).toEqual([]);
	});

	it('Batch with Continue On Fail: the items of the redirected batch are error items', async () => {
		const { credentials } = await redirectingCredential(308);
		const result = await runNode({
			parameters: batchUpsert,
			items: contacts,
			credentials,
			continueOnFail: true,
		});
		expect(result.items.map(({ json }) => json)).toEqual([
			{
				error: `Batch 1 (items 0-1) was not delivered: HTTP 308: a redirect to ${elsewhere.origin}, not followed after 1 attempt`,
			},
			{
				error: `Batch 1 (items 0-1) was not delivered: HTTP 308: a redirect to ${elsewhere.origin}, not followed after 1 attempt`,
			},
		]);
		expect(elsewhere.received).toEqual([]);
	});

	it('read operation (Group → Get Many): a 302 is an error, not followed', async () => {
		const { redirector, credentials } = await redirectingCredential(302);
		const result = await runNode({
			parameters: { resource: 'group', operation: 'getAll' },
			credentials,
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			`Mapp Connect answered 302: a redirect to ${elsewhere.origin}, not followed`,
		);
		expect(redirector.received).toHaveLength(1);
		expect(elsewhere.received).toEqual([]);
	});

	it('dropdowns: a 307 fails the list, not followed', async () => {
		const { credentials } = await redirectingCredential(307);
		await expect(loadOptions('searchGroups', { credentials })).rejects.toThrow(
			`Could not load the groups from Mapp Connect (Mapp answered 307: a redirect to ${elsewhere.origin}, not followed)`,
		);
		expect(elsewhere.received).toEqual([]);
	});

	it('a 302 to a page that answers 200 with HTML is no success: the page is not even asked', async () => {
		const page = await startHtmlPage();
		servers.push(page);
		const { credentials } = await redirectingCredential(302, page.origin);
		const result = await runNode({ parameters: userUpsert, items: [contacts[0]], credentials });
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			`Mapp Connect answered 302: a redirect to ${page.origin}, not followed`,
		);
		expect(page.received).toEqual([]);
	});
});

describe('an HTML page answered with 200 is not Mapp Connect', () => {
	async function htmlCredential() {
		const page = await startHtmlPage();
		servers.push(page);
		return credentialsAt(page.origin);
	}

	it('single operation: an error, with a hint at the base URL', async () => {
		const result = await runNode({
			parameters: userUpsert,
			items: [contacts[0]],
			credentials: await htmlCredential(),
		});
		expect(result.error?.message).toBe(
			"Mapp Connect answered 200 with an HTML page instead of Mapp Connect's answer",
		);
		expect(result.error?.description).toContain('Something other than Mapp Connect answered');
	});

	it('Batch: the batch is not delivered, and not retried', async () => {
		const credentials = await htmlCredential();
		const result = await runNode({
			parameters: batchUpsert,
			items: contacts,
			credentials,
			continueOnFail: true,
		});
		expect(result.items.map(({ json }) => json.success ?? json.error)).toEqual([
			"Batch 1 (items 0-1) was not delivered: HTTP 200 with an HTML page instead of Mapp Connect's answer after 1 attempt",
			"Batch 1 (items 0-1) was not delivered: HTTP 200 with an HTML page instead of Mapp Connect's answer after 1 attempt",
		]);
	});

	it('Group → Get Many: an error, not an empty list', async () => {
		const result = await runNode({
			parameters: { resource: 'group', operation: 'getAll' },
			credentials: await htmlCredential(),
		});
		expect(result.items).toEqual([]);
		expect(result.error?.message).toBe(
			"Mapp Connect answered 200 with an HTML page instead of Mapp Connect's answer",
		);
	});
});
