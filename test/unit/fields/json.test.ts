import { parseJsonText } from '../../../nodes/MappConnect/fields/json';

describe('JSON text: where it breaks, never what it holds', () => {
	it.each([
		['{"a": x}', 'it breaks at line 1, column 7'],
		['{"a":1,}', 'it breaks at line 1, column 8'],
		['{"a" 1}', 'it breaks at line 1, column 6'],
		['{"a":"b\nc"}', 'it breaks at line 1, column 8'],
		['{} x', 'it breaks at line 1, column 4'],
		['{\n  "a": 1,\n  "b": [1, 2,, 3]\n}', 'it breaks at line 3, column 14'],
		['{"a":1}}', 'it breaks at line 1, column 8'],
		['[1 2]', 'it breaks at line 1, column 4'],
		['{"a": "\\x"}', 'it breaks at line 1, column 7'],
		['{"params": {', 'it ends before it is complete'],
		['', 'it ends before it is complete'],
		[`${'['.repeat(100_000)}${']'.repeat(99_999)}`, 'it ends before it is complete'],
	])('%j: %s', (text, where) => {
		expect(parseJsonText(text)).toEqual({ problem: `is not valid JSON: ${where}` });
	});

	it.each(['{"a":[{},[]],"b":{"c":null,"d":-1.5e3}}', '[]', '"x"', ' 1 ', '{"\\u00e9\\n":true}'])(
		'%j is JSON',
		(text) => {
			expect(parseJsonText(text)).toEqual({ value: JSON.parse(text) });
		},
	);
});
