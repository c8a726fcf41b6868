import type { IDataObject, INode } from 'n8n-workflow';
import { MappConnect } from '../../../nodes/MappConnect/MappConnect.node';
import type { ItemParameters } from '../../../nodes/MappConnect/fields/readers';
import { itemReaders } from '../../../nodes/MappConnect/fields/readers';

/** A run whose n8n parameter lookup says it was asked, so a test sees which values n8n had to evaluate. */
function contextWith(parameters: IDataObject) {
	const asked: string[] = [];
	const node = { name: 'Mapp Connect', parameters } as unknown as INode;
	const context: ItemParameters = {
		getNode: () => node,
		getTimezone: () => 'Europe/Berlin',
		parameter: (name: string, itemIndex: number) => {
			asked.push(name);
			return `n8n evaluated ${name} for item ${itemIndex}`;
		},
	};
	return { readerFor: itemReaders(context), asked };
}

const item = {
	email: 'ann@example.com',
	score: 7,
	vip: true,
	'first name': 'Ann',
	address: { city: 'Berlin' },
	none: null,
	// text that n8n refuses or cannot parse the reference to
	constructorName: 'Ann',
	mainModule: 'Ann',
	'a}}b': 'Ann',
	'a\nb': 'Ann',
};

describe('itemReaders', () => {
	it.each([
		['={{ $json.email }}', 'ann@example.com'],
		['={{$json.score}}', 7],
		['={{ $json.vip }}', true],
		['={{ $json["first name"] }}', 'Ann'],
		["={{ $json['first name'] }}", 'Ann'],
		['a fixed value', 'a fixed value'],
	])("resolves %p to the item's value without n8n", (raw, expected) => {
		const { readerFor, asked } = contextWith({ field: raw });
		expect(readerFor(0, item).get('field')).toBe(expected);
		expect(asked).toEqual([]);
	});

	it.each([
		'={{ $json.email.toLowerCase() }}',
		'={{ "x" + $json.email }}',
		'=mailto:{{ $json.email }}',
		'={{ $json.missing }}',
		'={{ $json.none }}',
		'={{ $json.address }}',
		'={{ $json.address.city }}',
		'={{ $json.constructor }}',
		'={{ $json.constructorName }}',
		'={{ $json.mainModule }}',
		'={{ $json["a}}b"] }}',
		'={{ $json["a\nb"] }}',
		'={{ $("Input").item.json.email }}',
	])('leaves %p to n8n', (raw) => {
		const { readerFor, asked } = contextWith({ field: raw });
		expect(readerFor(3, item).get('field')).toBe('n8n evaluated field for item 3');
		expect(asked).toEqual(['field']);
	});

	it('fills in a collection, a fixed collection and a resource locator, each a fresh copy per item', () => {
		const parameters = {
			group: { __rl: true, mode: 'id', value: '={{ $json.score }}' },
			options: { subtype: 'user', doubleOptIn: false },
			customAttributes: { values: [{ name: 'firstName', value: '={{ $json["first name"] }}' }] },
		};
		const { readerFor, asked } = contextWith(parameters);
		const first = readerFor(0, item);
		expect(first.get('group')).toEqual({ __rl: true, mode: 'id', value: 7 });
		expect(first.get('options.subtype')).toBe('user');
		const attributes = first.get<IDataObject>('customAttributes');
		expect(attributes).toEqual({ values: [{ name: 'firstName', value: 'Ann' }] });
		(attributes.values as IDataObject[]).push({ name: 'changed', value: 'by a builder' });
		expect(readerFor(1, { ...item, 'first name': 'Bob' }).get('customAttributes')).toEqual({
			values: [{ name: 'firstName', value: 'Bob' }],
		});
		expect(asked).toEqual([]);
	});

	it('shares a value without expressions between items, frozen, so that no item can change it for the next', () => {
		const parameters = { customAttributes: { values: [{ name: 'tier', value: 'gold' }] } };
		const { readerFor, asked } = contextWith(parameters);
		const first = readerFor(0, item).get<{ values: IDataObject[] }>('customAttributes');
		expect(first).toEqual({ values: [{ name: 'tier', value: 'gold' }] });
		expect(() => first.values.push({ name: 'changed' })).toThrow(TypeError);
		expect(() => (first.values[0].value = 'changed')).toThrow(TypeError);
		expect(readerFor(1, item).get('customAttributes')).toEqual({
			values: [{ name: 'tier', value: 'gold' }],
		});
		expect(parameters.customAttributes.values[0]).not.toBe(first.values[0]);
		expect(asked).toEqual([]);
	});

	it('reads inside a collection with within(), and asks n8n by the full path when it must', () => {
		const { readerFor, asked } = contextWith({
			options: { subtype: '={{ $json.email }}', messageId: '={{ $json.score * 2 }}' },
		});
		const options = readerFor(2, item).within('options');
		expect(options.get('subtype')).toBe('ann@example.com');
		expect(options.get('doubleOptIn', false)).toBe(false);
		expect(options.get('messageId')).toBe('n8n evaluated options.messageId for item 2');
		expect(asked).toEqual(['options.messageId']);
	});

	it("gives a resource locator's value with extractValue, also when it is mapped", () => {
		const { readerFor, asked } = contextWith({
			group: { __rl: true, mode: 'id', value: '={{ $json.score }}' },
			message: { __rl: true, mode: 'list', value: '512' },
			legacy: '77',
		});
		const reader = readerFor(0, item);
		expect(reader.get('group', '', { extractValue: true })).toBe(7);
		expect(reader.get('message', '', { extractValue: true })).toBe('512');
		expect(reader.get('legacy', '', { extractValue: true })).toBe('77');
		expect(reader.get('group')).toEqual({ __rl: true, mode: 'id', value: 7 });
		expect(asked).toEqual([]);
	});

	it('leaves a field that throws when read to n8n', () => {
		const { readerFor, asked } = contextWith({ field: '={{ $json.broken }}' });
		const json = Object.defineProperty({}, 'broken', {
			get() {
				throw new Error('unreadable');
			},
		}) as IDataObject;
		expect(readerFor(1, json).get('field')).toBe('n8n evaluated field for item 1');
		expect(asked).toEqual(['field']);
	});

	it.each([
		{ __rl: true, value: '512' },
		{ mode: 'id', value: '512' },
		{ __rl: true, mode: 'id' },
	])("leaves %p to n8n, which n8n's own test does not take for a resource locator", (group) => {
		const { readerFor, asked } = contextWith({ group });
		expect(readerFor(0, item).get('group', '', { extractValue: true })).toBe(
			'n8n evaluated group for item 0',
		);
		expect(asked).toEqual(['group']);
	});

	it('leaves a whole collection to n8n when one of its values is another expression', () => {
		const { readerFor, asked } = contextWith({
			options: { subtype: 'user', messageId: '={{ $json.score * 2 }}' },
		});
		readerFor(0, item).get('options');
		expect(asked).toEqual(['options']);
	});

	it('gives the fallback for a parameter that is not set, as getNodeParameter does', () => {
		const { readerFor, asked } = contextWith({});
		expect(readerFor(0, item).get('options.subtype', '')).toBe('');
		expect(readerFor(0, item).get('identifierType', 'email')).toBe('email');
		expect(readerFor(0, item).get('absent')).toBe('n8n evaluated absent for item 0');
		expect(asked).toEqual(['absent']);
	});
});

/** Where in the node's properties (collection options, fixed collection values, locator modes) `key` is declared. */
function declaring(key: string, value: unknown, path = 'properties'): string[] {
	if (value === null || typeof value !== 'object') return [];
	return Object.entries(value).flatMap(([name, inner]) => {
		const at = `${path}.${(inner as { name?: unknown })?.name ?? name}`;
		return name === key ? [at] : declaring(key, inner, at);
	});
}

describe("the node's properties, as the fast reader relies on them", () => {
	const { properties } = new MappConnect().description;

	it('declare no validateType anywhere, which n8n would check and coerce a value by', () => {
		expect(declaring('validateType', properties)).toEqual([]);
	});

	it('declare no extractValue pattern anywhere, which n8n would extract a value by', () => {
		expect(declaring('extractValue', properties)).toEqual([]);
	});
});
