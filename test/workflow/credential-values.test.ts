import type { INodeParameters } from 'n8n-workflow';
import { loadOptions, sandboxCredentials } from '../../tooling/harness';
import { resourceLocator, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const userUpsert: INodeParameters = {
	resource: 'user',
	operation: 'upsert',
	email: 'a@mapp.com',
	group: resourceLocator('101'),
};
const batchSend: INodeParameters = {
	resource: 'batch',
	operation: 'send',
	eventKind: 'userUpsert',
	eventSource: 'inputItem',
};

/** Credential values that once sent requests elsewhere than the integration: `..` posted to `…/api/v1/event`. */
const misrouting = [
	['Integration ID ".."', { integrationId: '..' }, /Integration ID may hold only letters, digits/],
	['Integration ID "."', { integrationId: '.' }, /Integration ID may hold only letters, digits/],
	[
		'a Base URL with a fragment',
		{ baseUrl: 'http://127.0.0.1:1/charon/api/v1#x' },
		/Base URL must not hold a query/,
	],
	[
		'a Base URL with a query',
		{ baseUrl: 'http://127.0.0.1:1/charon/api/v1?x=1' },
		/Base URL must not hold a query/,
	],
	[
		'a Base URL with spaces around it',
		{ baseUrl: ' http://127.0.0.1:1/charon/api/v1 ' },
		/Base URL has spaces/,
	],
] as const;

describe('credential values that would misroute requests are refused before anything is sent', () => {
	it.each(misrouting)('%s, on a single operation', async (_what, credentials, message) => {
		const result = await run(sandbox(), userUpsert, {
			items: [{}],
			credentials: { ...credentials },
		});

		expect(result.error?.message).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it.each(misrouting)('%s, on Batch → Send', async (_what, credentials, message) => {
		const result = await run(sandbox(), batchSend, {
			items: [{ email: 'a@mapp.com', group: '101' }],
			credentials: { ...credentials },
		});

		expect(`${result.error?.message}\n${result.error?.description}`).toMatch(message);
		expect(sandbox().requests).toEqual([]);
	});

	it.each(misrouting)('%s, in a dropdown', async (_what, credentials, message) => {
		await expect(
			loadOptions('searchGroups', {
				credentials: sandboxCredentials(sandbox(), { ...credentials }),
			}),
		).rejects.toThrow(message);
		expect(sandbox().requests).toEqual([]);
	});
});
