/**
 * Mapp writes `actionTime` the way Java prints a date: `Thu Apr 13 14:19:10 CEST 2023`. The zone
 * is an abbreviation, which no JavaScript date parser reads reliably, so the abbreviations Java
 * prints for the zones Mapp's systems and customers use are mapped to their offsets here. An
 * abbreviation that means different zones in different places (IST, CST in China) is read as
 * Java prints it for the zone most likely on Mapp's side.
 */
const ZONE_OFFSET_MINUTES: Record<string, number> = {
	UTC: 0,
	GMT: 0,
	Z: 0,
	WET: 0,
	WEST: 60,
	BST: 60,
	CET: 60,
	CEST: 120,
	MET: 60,
	MEST: 120,
	EET: 120,
	EEST: 180,
	MSK: 180,
	EST: -300,
	EDT: -240,
	CST: -360,
	CDT: -300,
	MST: -420,
	MDT: -360,
	PST: -480,
	PDT: -420,
	AKST: -540,
	AKDT: -480,
	HST: -600,
	SGT: 480,
	JST: 540,
	KST: 540,
	AEST: 600,
	AEDT: 660,
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Thu Apr 13 14:19:10 CEST 2023`, or with a numeric zone as Java prints custom ones: `GMT+02:00`. */
const JAVA_DATE =
	/^[A-Z][a-z]{2} ([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([A-Z]{1,5})([+-]\d{2}:?\d{2})? (\d{4})$/;

/** An ISO 8601 date-time that names its zone, so that it means one instant wherever it is read. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** The instant `actionTime` names, as ISO 8601 in UTC, or undefined when it cannot be read for certain. */
export function actionTimeToIso(value: unknown): string | undefined {
	if (typeof value === 'number') return isoOf(new Date(value));
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (/^\d{12,}$/.test(text)) return isoOf(new Date(Number(text)));
	if (ISO_WITH_ZONE.test(text)) return isoOf(new Date(text));
	return javaDateToIso(text);
}

function javaDateToIso(text: string): string | undefined {
	const match = JAVA_DATE.exec(text);
	if (!match) return undefined;
	const [, monthName, day, hours, minutes, seconds, zone, numericOffset, year] = match;
	const month = MONTHS.indexOf(monthName);
	const offsetMinutes = numericOffset ? offsetOf(zone, numericOffset) : ZONE_OFFSET_MINUTES[zone];
	if (month < 0 || offsetMinutes === undefined) return undefined;
	const wallClock = new Date(
		Date.UTC(Number(year), month, Number(day), Number(hours), Number(minutes), Number(seconds)),
	);
	const isRealDate =
		wallClock.getUTCDate() === Number(day) &&
		Number(hours) < 24 &&
		Number(minutes) < 60 &&
		Number(seconds) < 60;
	if (!isRealDate) return undefined;
	return isoOf(new Date(wallClock.getTime() - offsetMinutes * 60_000));
}

function offsetOf(zone: string, numericOffset: string): number | undefined {
	if (zone !== 'GMT' && zone !== 'UTC') return undefined;
	const [, sign, hours, minutes] = /^([+-])(\d{2}):?(\d{2})$/.exec(numericOffset) ?? [];
	if (!sign) return undefined;
	return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

function isoOf(date: Date): string | undefined {
	return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
