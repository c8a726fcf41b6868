/** The CSV header line: the delimiter found in it, and its names checked. */
import { FileFormatError, excerpt } from './parser';

/** The delimiters 'auto' chooses from, in the order that wins a tie. */
export const DETECTED_DELIMITERS = [',', ';', '\t', '|'];

export function checkedDelimiter(delimiter: string): string {
	if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
		throw new RangeError(
			`The delimiter must be one character other than a quote or line break, got ${excerpt(delimiter)}`,
		);
	}
	return delimiter;
}

/**
 * The delimiter that occurs most often outside quotes in the header line starting at `from` (',' when none does),
 * or undefined while the text read so far does not hold the whole line (`ended`: the file has no more).
 */
export function detectedDelimiter(text: string, from: number, ended: boolean): string | undefined {
	const counts = new Map(DETECTED_DELIMITERS.map((d) => [d, 0]));
	let inQuotes = false;
	let at = from;
	for (; at < text.length; at++) {
		const char = text[at];
		if (char === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (char === '\n' || char === '\r')) break;
		else if (!inQuotes && counts.has(char)) counts.set(char, (counts.get(char) as number) + 1);
	}
	if (at === text.length && !ended) return undefined;
	let best = DETECTED_DELIMITERS[0];
	for (const [delimiter, count] of counts) {
		if (count > (counts.get(best) as number)) best = delimiter;
	}
	return best;
}

/** The header's names: none empty, none twice. */
export function checkedHeader(names: string[]): string[] {
	const seen = new Map<string, number>();
	names.forEach((name, index) => {
		if (name.trim() === '') {
			throw new FileFormatError(0, `The header has no name for column ${index + 1}`);
		}
		const earlier = seen.get(name);
		if (earlier !== undefined) {
			throw new FileFormatError(
				0,
				`The header has the name ${excerpt(name)} twice (columns ${earlier + 1} and ${index + 1})`,
				name,
			);
		}
		seen.set(name, index);
	});
	return names;
}
