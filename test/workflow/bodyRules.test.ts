/**
 * The rules every body the node sends is held to, whichever field or path it comes from: no key
 * that reaches an object's prototype chain (`__proto__`, `constructor`, `prototype`), at any
 * depth; a bounded nesting; and Integration → Connect's configuration bounded in size, its JSON
 * errors saying where the text breaks without quoting it.
 */
import type { INodeParameters } from 'n8n-workflow';
import { run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

const customEvent: INodeParameters = {
	resource: 'customEvent',
	operation: 'send',
	subtype: 'newsletter',
	event: '={{ $json.event }}',
};
const connect: INodeParameters = {
	resource: 'integration',
	operation: 'connect',
	configuration: '={{ $json.body }}',
};

describe('one rule for prototype keys in every body', () => {
	const bodies: Array<[string, string, string]> = [
		['top level', '{"email":"a@b.co","constructor":{"prototype":{"admin":true}}}', '"constructor"'],
		['nested', '{"email":"a@b.co","data":{"__proto__":{"admin":true}}}', '"__proto__" (in data)'],
		['in a list', '{"email":"a@b.co","rows":[{"prototype":1}]}', '"prototype" (in rows[0])'],
	];

	it.each(bodies)(
		'Custom Event, %s: refused naming the item and the field, nothing sent',
		async (_where, text, named) => {
			const result = await run(sandbox(), customEvent, {
				items: [{ event: '{"email":"ok@b.co"}' }, { event: text }],
			});
			expect(result.error?.message).toBe(`'Event (JSON)' must not use the name ${named} [item 1]`);
			expect(sandbox().requests).toEqual([]);
		},
	);

	it.each(bodies)(
		'Integration → Connect, %s: refused naming the item and the field, nothing sent',
		async (_where, text, named) => {
			const result = await run(sandbox(), connect, { items: [{ body: '{}' }, { body: text }] });
			expect(result.error?.message).toBe(
				`'Configuration (JSON)' must not use the name ${named} [item 1]`,
			);
			expect(sandbox().requests).toEqual([]);
		},
	);

	it('an object an expression gives is held to the same rule', async () => {
		const result = await run(sandbox(), customEvent, {
			items: [{ event: { email: 'a@b.co', profile: { constructor: 'x' } } }],
		});
		expect(result.error?.message).toBe(
			`'Event (JSON)' must not use the name "constructor" (in profile) [item 0]`,
		);
		expect(sandbox().requests).toEqual([]);
	});

	it('the same rule where names were refused already: Group Name, attributes, Batch Input Item', async () => {
		const group = await run(
			sandbox(),
			{ resource: 'group', operation: 'create', groupName: '={{ $json.name }}' },
			{ items: [{ name: 'prototype' }] },
		);
		expect(group.error?.message).toBe(`'Group Name' must not use the name "prototype" [item 0]`);
		const attributes = await run(sandbox(), {
			resource: 'user',
			operation: 'upsert',
			email: 'a@b.co',
			group: { __rl: true, mode: 'id', value: '101' },
			customAttributes: { values: [{ name: 'constructor', value: 'x' }] },
		});
		expect(attributes.error?.message).toBe(
			`'Custom Attributes' must not use the name "constructor" [item 0]`,
		);
		const inputItem = await run(
			sandbox(),
			{
				resource: 'batch',
				operation: 'send',
				eventKind: 'userUpsert',
				eventSource: 'inputItem',
				valueTypes: 'raw',
			},
			{ items: [{ email: 'a@b.co', profile: { constructor: 'x' } }] },
		);
		expect(inputItem.error?.message).toBe(
			`'Input Item' must not use the name "constructor" (in profile) [item 0]`,
		);
		expect(sandbox().requests).toEqual([]);
	});
});

describe('Integration → Connect: bounded, and its JSON errors never quote it', () => {
	it('a configuration over 1,000,000 characters is refused before sending, text or object', async () => {
		const big = 'x'.repeat(1_000_000);
		const size = JSON.stringify({ params: { big } }).length.toLocaleString('en-US'); // 1,000,021
		const result = await run(sandbox(), connect, {
			items: [{ body: JSON.stringify({ params: { big } }) }, { body: { params: { big } } }],
			continueOnFail: true,
		});
		expect(result.items.map(({ json }) => json.error)).toEqual([
			`'Configuration (JSON)' is too large: ${size} characters of JSON, at most 1,000,000 [item 0]`,
			`'Configuration (JSON)' is too large: ${size} characters of JSON, at most 1,000,000 [item 1]`,
		]);
		expect(sandbox().requests).toEqual([]);
	});

	it('a configuration nested 5,000 levels deep is refused, without overflowing the stack', async () => {
		const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
		const result = await run(sandbox(), connect, { items: [{ body: deep }] });
		expect(result.error?.message).toMatch(
			/^'Configuration \(JSON\)' nests deeper than 100 levels \(at a(\.a)+\) \[item 0\]$/,
		);
		expect(sandbox().requests).toEqual([]);
	});

	it.each([
		[
			'a value that is not JSON',
			'{\n  "params": {\n    "apiKey": hunter2-secret\n  }\n}',
			'it breaks at line 3, column 15',
		],
		[
			'a text that ends early',
			'{"params": {"password": "hunter2-secret"',
			'it ends before it is complete',
		],
		['a trailing comma', '{"password": "hunter2-secret",}', 'it breaks at line 1, column 31'],
	])('%s: says where the JSON breaks, never quoting it', async (_what, text, where) => {
		const result = await run(sandbox(), connect, { items: [{ body: text }] });
		expect(result.error?.message).toBe(
			`'Configuration (JSON)' is not valid JSON: ${where} [item 0]`,
		);
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('hunter2');
		expect(sandbox().requests).toEqual([]);
	});
});
