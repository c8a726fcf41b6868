import fixtures from '../sandbox/fixtures.json';
import { arrived, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Group', () => {
	it('Get Many: one item per group, sorted by name', async () => {
		const result = await run(sandbox(), { resource: 'group', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
			{ method: 'GET', path: `/integration/${sandbox().integrationId}/group`, query: '', body: undefined, status: 200 },
		]);
		expect(result.items.map(({ json }) => json)).toEqual([
			{ id: '101', name: 'Newsletter' },
			{ id: '103', name: 'Newsletter' },
			{ id: '104', name: 'Product news' },
			{ id: '102', name: 'VIP customers' },
		]);
		expect(Object.keys(fixtures.groups)).toHaveLength(4);
	});

	it('Create: sends the name, answers with the created group and its ID', async () => {
		const result = await run(sandbox(), { resource: 'group', operation: 'create', groupName: 'Summer sale' });
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
			{
				method: 'POST',
				path: `/integration/${sandbox().integrationId}/genericgroup`,
				query: '',
				body: { groupNames: ['Summer sale'] },
				status: 200,
			},
		]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toEqual({ name: 'Summer sale', id: expect.stringMatching(/^\d+$/) });

		const groups = await run(sandbox(), { resource: 'group', operation: 'getAll', returnAll: true });
		expect(groups.items.map(({ json }) => json)).toContainEqual(result.items[0].json);
	});
});
