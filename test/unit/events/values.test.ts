import { toIsoDate } from '../../../nodes/MappConnect/fields/dates';
import { InvalidValue } from '../../../nodes/MappConnect/fields/problems';
import { parseObject, toMappString, toMappStrings } from '../../../nodes/MappConnect/fields/values';

describe('values as Mapp expects them', () => {
	it('sends numbers and booleans as strings and leaves empty values out', () => {
		expect(toMappStrings({ price: 15, vip: false, name: ' Anna ', empty: '', none: null })).toEqual(
			{
				price: '15',
				vip: 'false',
				name: 'Anna',
			},
		);
	});

	it('turns dates into ISO 8601 in UTC', () => {
		expect(toIsoDate('2020-04-28T14:30:08.537+02:00', 'UTC')).toBe('2020-04-28T12:30:08.537Z');
		expect(toIsoDate(1588077008537, 'UTC')).toBe('2020-04-28T12:30:08.537Z');
		expect(toIsoDate(new Date(Date.UTC(2024, 1, 10)), 'UTC')).toBe('2024-02-10T00:00:00.000Z');
		expect(toIsoDate({ toISO: () => '2024-02-10T18:25:43.511+01:00' }, 'UTC')).toBe(
			'2024-02-10T17:25:43.511Z',
		);
		expect(toMappString({ toISO: () => '2024-02-10T17:25:43.511Z' })).toBe(
			'2024-02-10T17:25:43.511Z',
		);
	});

	it("reads Mapp's CSV-export notation, with escaped quotes and spaces", () => {
		expect(
			parseObject("{ 'description' : 'it\\'s new', \"price\":'567' }", { allowMappNotation: true }),
		).toEqual({
			description: "it's new",
			price: '567',
		});
		expect(parseObject('{}', { allowMappNotation: true })).toEqual({});
	});

	it("refuses Mapp's notation where only JSON is allowed, and text after the object", () => {
		expect(() => parseObject("{'a':'b'}")).toThrow(InvalidValue);
		expect(() => parseObject("{'a':'b'} x", { allowMappNotation: true })).toThrow(
			"is neither JSON nor Mapp's notation",
		);
	});
});
