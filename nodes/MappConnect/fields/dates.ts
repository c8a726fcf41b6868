/**
 * The one rule for every date the package sends (Transaction Date, Created At, a date inside
 * attributes), so that the same input gives the same instant on every n8n server:
 * - a date-time with a zone ("…Z", "…+02:00"), a JavaScript Date or a Luxon DateTime (what n8n's
 *   `$now` and date expressions give) is that instant;
 * - a date or date-time without a zone ("2020-04-28T12:30:08", "2020-04-28", what the editor's
 *   date picker stores) is read in the workflow's time zone (its settings, else the instance's
 *   GENERIC_TIMEZONE), as n8n's own date nodes read it, never in the server's process time zone;
 * - a number, or text of digits only: 10 digits are epoch seconds, 13 digits epoch milliseconds;
 * - anything else is ambiguous (another count of digits, "04/28/2020", a local time that a clock
 *   change skips or repeats) and refused, so that no guess reaches Mapp.
 */
import { InvalidValue } from './problems';

const ISO_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const PROBLEM =
	"is not a valid date (use ISO 8601, e.g. 2024-02-10T17:25:43Z; without a zone it is read in the workflow's time zone; or epoch seconds (10 digits) or milliseconds (13 digits))";

/** A Luxon DateTime, as n8n's `$now` and date expressions return. */
export function isDateLike(value: unknown): value is { toISO(): string } {
	return (
		typeof value === 'object' &&
		value !== null &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	);
}

/** The instant a value names, as epoch milliseconds, by the rule above. */
export function dateInstant(value: unknown, timeZone: string): number {
	if (value instanceof Date) return checked(value.getTime());
	if (isDateLike(value)) return checked(Date.parse(String(value.toISO())));
	if (typeof value === 'number') return epochInstant(String(value));
	if (typeof value !== 'string') throw new InvalidValue(PROBLEM);
	const text = value.trim();
	if (/^\d+$/.test(text)) return epochInstant(text);
	const match = ISO_DATE_TIME.exec(text);
	if (!match) throw new InvalidValue(PROBLEM);
	const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', zone] = match;
	const wall = [year, month, day, hour, minute, second].map(Number) as WallTime;
	const wallAsUtc = Date.UTC(wall[0], wall[1] - 1, wall[2], wall[3], wall[4], wall[5]);
	if (Number.isNaN(wallAsUtc) || !sameWallTime(wall, wallAsUtc, 'UTC'))
		throw new InvalidValue(PROBLEM);
	const milliseconds = Math.floor(Number(`0.${fraction || '0'}`) * 1000);
	if (zone) return wallAsUtc + milliseconds - zoneOffsetMinutes(zone) * 60_000;
	return inTimeZone(wall, wallAsUtc, timeZone) + milliseconds;
}

/** ISO 8601 in UTC, e.g. "2020-04-28T12:30:08.537Z". */
export function toIsoDate(value: unknown, timeZone: string): string {
	return new Date(dateInstant(value, timeZone)).toISOString();
}

/** Epoch milliseconds as text, as Mapp documents them for `createdAt`: "1741867804875". */
export function toEpochMilliseconds(value: unknown, timeZone: string): string {
	return String(dateInstant(value, timeZone));
}

function epochInstant(digits: string): number {
	if (digits.length === 10) return Number(digits) * 1000;
	if (digits.length === 13) return Number(digits);
	throw new InvalidValue(
		`is a number of ${digits.length} digits, neither epoch seconds (10 digits) nor epoch milliseconds (13 digits)`,
	);
}

function checked(instant: number): number {
	if (Number.isNaN(instant)) throw new InvalidValue(PROBLEM);
	return instant;
}

/** "+02:00", "-0530", "+02" or "Z" in minutes east of UTC. */
function zoneOffsetMinutes(zone: string): number {
	if (zone.toUpperCase() === 'Z') return 0;
	const digits = zone.slice(1).replace(':', '');
	const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
	return zone.startsWith('-') ? -minutes : minutes;
}

type WallTime = [
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
];

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		if (!isKnownTimeZone(timeZone)) {
			throw new InvalidValue(
				`cannot be read: the workflow's time zone "${timeZone}" is unknown (check the workflow's settings)`,
			);
		}
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

function isKnownTimeZone(timeZone: string): boolean {
	try {
		new Intl.DateTimeFormat('en-US', { timeZone });
		return true;
	} catch {
		return false;
	}
}

/** Whether the instant shows this wall time on a clock in the time zone. */
function sameWallTime(wall: WallTime, instant: number, timeZone: string): boolean {
	const parts = formatterFor(timeZone).formatToParts(new Date(instant));
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		Number(parts.find((each) => each.type === type)?.value);
	const shown = [
		part('year'),
		part('month'),
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	];
	return shown.every((value, index) => value === wall[index]);
}

/** The offset of the time zone at an instant, in milliseconds (the wall time there minus UTC). */
function offsetAt(instant: number, timeZone: string): number {
	const parts = formatterFor(timeZone).formatToParts(new Date(instant));
	const part = (type: Intl.DateTimeFormatPartTypes) =>
		Number(parts.find((each) => each.type === type)?.value);
	const shownAsUtc = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return shownAsUtc - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The instant a wall time shows in the time zone. The offsets a day before and after cover any
 * clock change near it: a wall time no candidate shows was skipped, one both show is repeated.
 */
function inTimeZone(wall: WallTime, wallAsUtc: number, timeZone: string): number {
	const offsets = new Set([
		offsetAt(wallAsUtc - 86_400_000, timeZone),
		offsetAt(wallAsUtc + 86_400_000, timeZone),
	]);
	const instants = [...offsets]
		.map((offset) => wallAsUtc - offset)
		.filter((instant) => sameWallTime(wall, instant, timeZone));
	if (instants.length === 1) return instants[0];
	const why = instants.length === 0 ? 'does not exist' : 'exists twice';
	throw new InvalidValue(
		`is ambiguous: this local time ${why} in the workflow's time zone ${timeZone} (a clock change); give the date with its zone, e.g. …+01:00`,
	);
}
