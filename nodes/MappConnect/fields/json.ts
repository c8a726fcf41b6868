/**
 * JSON text as a user writes it in a field, parsed, or refused with where it breaks (line and
 * column), never with the text itself: the text may hold secrets (a configuration's passwords),
 * and JSON.parse's own messages quote it.
 */

export function parseJsonText(text: string): { value: unknown } | { problem: string } {
	try {
		return { value: JSON.parse(text) };
	} catch {
		return { problem: `is not valid JSON: ${whereItBreaks(text)}` };
	}
}

function whereItBreaks(text: string): string {
	const at = syntaxErrorAt(text);
	if (at === undefined) return 'it cannot be read';
	if (at >= text.length) return 'it ends before it is complete';
	const before = text.slice(0, at).split('\n');
	return `it breaks at line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

const WHITESPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

/**
 * The offset of the first character at which the text stops being JSON (its length when it ends
 * too early), or undefined when it is JSON. Keeps its own stack of open brackets rather than
 * recursing, so that no nesting overflows it.
 */
function syntaxErrorAt(text: string): number | undefined {
	const closers: string[] = [];
	let at = 0;
	const take = (pattern: RegExp): boolean => {
		pattern.lastIndex = at;
		if (!pattern.test(text)) return false;
		// JSON allows no control character (below U+0020) inside a string: the text breaks there
		for (let next = at; pattern === STRING && next < pattern.lastIndex; next++) {
			if (text.charCodeAt(next) < 0x20) {
				at = next;
				return false;
			}
		}
		at = pattern.lastIndex;
		return true;
	};
	let expectValue = true;
	let expectKey = false;
	let mayClose = false;
	for (;;) {
		take(WHITESPACE);
		const closer = closers[closers.length - 1];
		if (expectValue) {
			if (mayClose && text[at] === closer) {
				closers.pop();
				at++;
				expectValue = mayClose = false;
				continue;
			}
			mayClose = false;
			if (expectKey) {
				if (!take(STRING) || (take(WHITESPACE), text[at] !== ':')) return at;
				at++;
				take(WHITESPACE);
				expectKey = false;
			}
			const opener = text[at];
			if (opener === '{' || opener === '[') {
				closers.push(opener === '{' ? '}' : ']');
				at++;
				mayClose = true;
				expectKey = opener === '{';
				continue;
			}
			if (!take(STRING) && !take(NUMBER) && !take(LITERAL)) return at;
			expectValue = false;
			continue;
		}
		if (closer === undefined) return at === text.length ? undefined : at;
		if (text[at] === ',') {
			at++;
			expectValue = true;
			expectKey = closer === '}';
		} else if (text[at] === closer) {
			closers.pop();
			at++;
		} else return at;
	}
}
