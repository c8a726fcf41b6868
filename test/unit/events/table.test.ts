import {
	EVENT_KINDS,
	EVENT_OPERATIONS,
	eventKindOf,
	kindProperties,
} from '../../../nodes/MappConnect/events';
import { DEFAULT_SUBTYPES } from '../../../nodes/MappConnect/shared/api';

describe('the table of event kinds', () => {
	it('has one kind per id', () => {
		const ids = EVENT_KINDS.map((kind) => kind.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('takes every default subtype from DEFAULT_SUBTYPES, and offers it as the Event Subtype option', () => {
		const standardNames: string[] = Object.values(DEFAULT_SUBTYPES);
		for (const kind of EVENT_KINDS.filter((each) => each.id !== 'customEvent')) {
			expect(standardNames).toContain(kind.subtype);
			const options = kind.fields.find((field) => field.name === 'options');
			const subtype = options?.options?.find((option) => option.name === 'subtype');
			expect({ kind: kind.id, default: (subtype as { default?: unknown })?.default }).toEqual({
				kind: kind.id,
				default: kind.subtype,
			});
		}
	});

	it('holds every kind an operation sends', () => {
		const operationKinds = [
			...Object.values(EVENT_OPERATIONS).flatMap((operations) => Object.values(operations)),
			...['abandonedCart', 'browse', 'wishlist'].flatMap((activity) => [
				eventKindOf('shoppingActivity', 'upsert', activity),
				eventKindOf('shoppingActivity', 'delete', activity),
			]),
		];
		expect(new Set(operationKinds)).toEqual(new Set(EVENT_KINDS));
	});

	it("shows a kind's fields where asked, keeping the fields' own conditions", () => {
		const kind = eventKindOf('user', 'upsert');
		if (!kind) throw new Error('no user upsert');
		const properties = kindProperties(kind, { resource: ['batch'], operation: ['send'], eventKind: [kind.id] });
		expect(properties.find((property) => property.name === 'mobileNumber')?.displayOptions).toEqual({
			show: { resource: ['batch'], operation: ['send'], eventKind: ['userUpsert'], identifierType: ['mobileNumber'] },
		});
		expect(kind.fields.every((field) => !field.displayOptions?.show?.resource)).toBe(true);
	});
});
