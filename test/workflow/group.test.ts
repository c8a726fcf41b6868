import fixtures from '../../tooling/sandbox/fixtures.json';
import { arrived, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

describe('Group', () => {
	it('Get Many: one item per group, sorted by name', async () => {
		const result = await run(sandbox(), {
			resource: 'group',
			operation: 'getAll',
			returnAll: true,
		});
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
			{
				method: 'GET',
				path: `/integration/${sandbox().integrationId}/group`,
				query: '',
				body: undefined,
				status: 200,
			},
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
		const result = await run(sandbox(), {
			resource: 'group',
			operation: 'create',
			groupName: 'Summer sale',
		});
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
		expect(result.items[0].json).toEqual({
			name: 'Summer sale',
			id: expect.stringMatching(/^\d+$/),
		});

		const groups = await run(sandbox(), {
			resource: 'group',
			operation: 'getAll',
			returnAll: true,
		});
		expect(groups.items.map(({ json }) => json)).toContainEqual(result.items[0].json);
	});

	it("Create: all items' names in one request, each created group paired to the item that named it", async () => {
		const names = ['Summer sale', 'Winter sale', 'Summer sale', 'Newsletter'];
		const result = await run(
			sandbox(),
			{ resource: 'group', operation: 'create', groupName: '={{ $json.name }}' },
			{ items: names.map((name) => ({ name })) },
		);
		expect(result.error).toBeUndefined();
		expect(sandbox().requests.map((request) => arrived(sandbox(), request))).toEqual([
			{
				method: 'POST',
				path: `/integration/${sandbox().integrationId}/genericgroup`,
				query: '',
				body: { groupNames: ['Summer sale', 'Winter sale', 'Newsletter'] },
				status: 200,
			},
		]);
		const [summer, winter, summerAgain, newsletter] = result.items;
		expect(result.items.map(({ json }) => json.name)).toEqual(names);
		expect(result.items.map(({ pairedItem }) => pairedItem)).toEqual(
			names.map((_, item) => ({ item })),
		);
		expect(summerAgain.json).toEqual(summer.json);
		expect(winter.json.id).not.toBe(summer.json.id);
		expect(newsletter.json).toEqual({ name: 'Newsletter', id: '101' });
	});

	it('Create: an item without a name stops the node before the request, naming the item and field', async () => {
		const result = await run(
			sandbox(),
			{ resource: 'group', operation: 'create', groupName: '={{ $json.name }}' },
			{ items: [{ name: 'A' }, { name: '' }] },
		);
		expect(result.error?.message).toBe("'Group Name' is required [item 1]");
		expect(sandbox().requests).toEqual([]);
	});

	it('Create: with Continue On Fail, the named items are created and the other becomes an error item', async () => {
		const result = await run(
			sandbox(),
			{ resource: 'group', operation: 'create', groupName: '={{ $json.name }}' },
			{ items: [{ name: 'A' }, { name: ' ' }, { name: 'B' }], continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map(({ json }) => json.name ?? json.error)).toEqual([
			'A',
			"'Group Name' is required [item 1]",
			'B',
		]);
		expect(JSON.parse(sandbox().requests[0].body)).toEqual({ groupNames: ['A', 'B'] });
	});
});
