import fixtures from '../../tooling/sandbox/fixtures.json';
import { arrived, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Mobile App', () => {
	it('Get Many: one item per app, sorted by name', async () => {
		const result = await run(sandbox(), {
			resource: 'mobileApp',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
			{
				method: 'GET',
				path: `/integration/${sandbox().integrationId}/mobile-app`,
				query: '',
				body: undefined,
				status: 200,
			},
		]);
		expect(result.items.map(({ json }) => json)).toEqual(
			Object.entries(fixtures.mobileApps)
				.map(([id, name]) => ({ id, name }))
				.sort((a, b) => a.name.localeCompare(b.name)),
		);
	});
});
