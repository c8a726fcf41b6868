import fixtures from '../../tooling/sandbox/fixtures.json';
import { credentialsAt, startServer } from './loopback';
import { arrived, run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

/** Group → Create with each item's `name` as the group name. */
const CREATE_BY_NAME = { resource: 'group', operation: 'create', groupName: '={{ $json.name }}' };

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
		const result = await run(sandbox(), CREATE_BY_NAME, { items: names.map((name) => ({ name })) });
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
		const result = await run(sandbox(), CREATE_BY_NAME, { items: [{ name: 'A' }, { name: '' }] });
		expect(result.error?.message).toBe("'Group Name' is required [item 1]");
		expect(sandbox().requests).toEqual([]);
	});

	it('Create: with Continue On Fail, the named items are created and the other becomes an error item', async () => {
		const result = await run(sandbox(), CREATE_BY_NAME, {
			items: [{ name: 'A' }, { name: ' ' }, { name: 'B' }],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map(({ json }) => json.name ?? json.error)).toEqual([
			'A',
			"'Group Name' is required [item 1]",
			'B',
		]);
		expect(JSON.parse(sandbox().requests[0].body)).toEqual({ groupNames: ['A', 'B'] });
	});
	it('Create: a name that would change an object prototype is refused before the request, naming the item and field', async () => {
		const result = await run(sandbox(), CREATE_BY_NAME, {
			items: [{ name: 'A' }, { name: '__proto__' }],
		});
		expect(result.error?.message).toContain("'Group Name'");
		expect(result.error?.message).toContain('__proto__');
		expect(result.error?.message).toContain('[item 1]');
		expect(sandbox().requests).toEqual([]);
	});

	it('Create: a connection lost after Mapp created the groups says they may or may not have been created', async () => {
		sandbox().injectFault({ kind: 'drop', when: 'after', pathIncludes: 'genericgroup' });
		const result = await run(sandbox(), CREATE_BY_NAME, {
			items: [{ name: 'Autumn' }, { name: 'Spring' }],
		});
		expect(result.error?.message).toMatch(/may or may not have been created/);
		expect(result.error?.message).not.toMatch(/were not created/);
		expect(result.error?.description).toMatch(/Check the groups in Mapp Engage/);
		// not retried: one request, and the groups exist
		expect(sandbox().requests).toHaveLength(1);
		const groups = await run(sandbox(), {
			resource: 'group',
			operation: 'getAll',
			returnAll: true,
		});
		expect(groups.items.map(({ json }) => json.name)).toEqual(
			expect.arrayContaining(['Autumn', 'Spring']),
		);
	});

	it('Create: an answer with IDs for some names keeps the created groups and names the others', async () => {
		const mapp = await startServer((_request, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ groupNamesAndIds: { A: 501, C: 503 } }));
		});
		try {
			const items = [{ name: 'A' }, { name: 'B' }, { name: 'C' }];
			const credentials = credentialsAt(mapp.origin);
			const stopped = await run(sandbox(), CREATE_BY_NAME, { items, credentials });
			expect(stopped.error?.message).toBe(`Mapp's answer has no ID for the group "B"`);
			expect(stopped.error?.description).toContain('Created: "A" (ID 501), "C" (ID 503)');

			const continued = await run(sandbox(), CREATE_BY_NAME, {
				items,
				credentials,
				continueOnFail: true,
			});
			expect(continued.error).toBeUndefined();
			expect(continued.items.map(({ json }) => json)).toEqual([
				{ name: 'A', id: '501' },
				expect.objectContaining({ error: `Mapp's answer has no ID for the group "B"` }),
				{ name: 'C', id: '503' },
			]);
			expect(mapp.received).toHaveLength(2);
		} finally {
			await mapp.close();
		}
	});

	it.each([
		['false', false],
		['an object', { id: 1 }],
		['a list', [7]],
		['text that is not digits', 'n/a'],
		['a fraction', 1.5],
		['empty text', ''],
	])('Create: %s in place of an ID is no ID, never output as one', async (_what, id) => {
		const mapp = await startServer((_request, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ groupNamesAndIds: { A: id, B: '502', C: 503 } }));
		});
		try {
			const result = await run(sandbox(), CREATE_BY_NAME, {
				items: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
				credentials: credentialsAt(mapp.origin),
				continueOnFail: true,
			});
			expect(result.items.map(({ json }) => json)).toEqual([
				{ error: `Mapp's answer has no ID for the group "A"` },
				{ name: 'B', id: '502' },
				{ name: 'C', id: '503' },
			]);
		} finally {
			await mapp.close();
		}
	});
});
