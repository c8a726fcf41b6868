import type { INodeListSearchResult } from 'n8n-workflow';
import { loadOptions, sandboxCredentials } from '../../tooling/harness';
import fixtures from '../../tooling/sandbox/fixtures.json';
import { useSandbox } from './mappConnect';

const sandbox = useSandbox();

async function search(
	method: string,
	options: { filter?: string; credentials?: Record<string, string> } = {},
) {
	return (await loadOptions(method, {
		credentials: sandboxCredentials(sandbox(), options.credentials),
		filter: options.filter,
	})) as INodeListSearchResult;
}

/** The dropdown entries a fixture list should give: "Name (ID n)", sorted by name. */
function entriesOf(list: Record<string, string>) {
	return Object.entries(list)
		.sort(([idA, a], [idB, b]) => a.localeCompare(b) || idA.localeCompare(idB))
		.map(([id, name]) => ({ name: `${name} (ID ${id})`, value: id }));
}

describe('dropdowns load their entries live from Mapp Connect', () => {
	it.each([
		['searchGroups', fixtures.groups],
		['searchEmailMessages', fixtures.emailMessages],
		['searchSmsMessages', fixtures.smsMessages],
		['searchPushMessages', fixtures.pushMessages],
		['searchMobileApps', fixtures.mobileApps],
	])('%s lists every entry, labelled with its ID, sorted by name', async (method, list) => {
		expect((await search(method)).results).toEqual(entriesOf(list));
		expect(
			sandbox().requests.every(({ method: verb, status }) => verb === 'GET' && status === 200),
		).toBe(true);
	});

	it('tells two groups of the same name apart by their IDs', async () => {
		const names = (await search('searchGroups')).results.map(({ name }) => name);
		expect(names.filter((name) => name.startsWith('Newsletter'))).toEqual([
			'Newsletter (ID 101)',
			'Newsletter (ID 103)',
		]);
	});

	it('filters by name, ignoring case, or by ID', async () => {
		expect(
			(await search('searchGroups', { filter: 'NEWS' })).results.map(({ value }) => value),
		).toEqual(['101', '103', '104']);
		expect((await search('searchEmailMessages', { filter: '2002' })).results).toEqual([
			{ name: 'Order confirmation (ID 2002)', value: '2002' },
		]);
	});
});

describe('a failed load says what to check in the credential', () => {
	const check = "Check the credential's system (or base URL), integration ID and secret.";

	it('wrong secret', async () => {
		await expect(
			search('searchGroups', { credentials: { secret: 'not-the-secret' } }),
		).rejects.toThrow(
			`Could not load the groups from Mapp Connect (Mapp answered 401: Invalid auth-token signature). ${check}`,
		);
	});

	it('wrong integration ID', async () => {
		await expect(
			search('searchMobileApps', { credentials: { integrationId: 'no-such-integration' } }),
		).rejects.toThrow(
			`Could not load the mobile apps from Mapp Connect (Mapp answered 404: Unknown integration). ${check}`,
		);
	});

	it('a base URL where nothing answers', async () => {
		const error = await search('searchPushMessages', {
			credentials: { baseUrl: 'http://127.0.0.1:1/api/v1' },
		}).catch((failure: Error) => failure);
		expect(error).toBeInstanceOf(Error);
		expect((error as Error).message).toMatch(
			/^Could not load the push messages from Mapp Connect \(.+\)\. /,
		);
		expect((error as Error).message).toContain(check);
	});
});
