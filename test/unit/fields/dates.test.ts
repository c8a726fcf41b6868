/**
 * The package's one date rule (fields/dates.ts), through the two date fields Mapp has
 * (Transaction Date → ISO 8601 in UTC; Created At → epoch milliseconds or ISO 8601). `npm test`
 * runs this file under two process time zones (TZ=UTC, TZ=America/New_York; jest cannot change
 * the zone of its running workers): the expectations are the same, as the result depends on the
 * workflow's time zone only, never on the server's.
 */
import { built } from '../events/reader';

const transaction = (transactionDate: unknown, timeZone: string, itemIndex = 0) =>
	built(
		'transactionUpsert',
		{
			orderId: 'O-1',
			email: 'a@mapp.com',
			additionalFields: { transactionDate: transactionDate as string },
		},
		itemIndex,
		timeZone,
	).event.transaction_date;
const createdAt = (value: unknown, timeZone: string, itemIndex = 0) =>
	built(
		'wishlistUpsert',
		{ email: 'a@mapp.com', sku: 'X', createdAt: value as string },
		itemIndex,
		timeZone,
	).event.createdAt;

describe(`dates (process time zone: ${process.env.TZ ?? 'not set'})`, () => {
	it("reads a date-time without a zone in the workflow's time zone", () => {
		expect(transaction('2020-04-28T12:30:08', 'UTC')).toBe('2020-04-28T12:30:08.000Z');
		expect(transaction('2020-04-28T12:30:08', 'America/New_York')).toBe('2020-04-28T16:30:08.000Z');
		expect(transaction('2020-01-28T12:30:08.5', 'America/New_York')).toBe(
			'2020-01-28T17:30:08.500Z',
		);
		expect(transaction('2020-04-28 12:30', 'Europe/Berlin')).toBe('2020-04-28T10:30:00.000Z');
		expect(transaction('2020-04-28', 'Asia/Tokyo')).toBe('2020-04-27T15:00:00.000Z');
		expect(createdAt('2024-02-10T17:25:43.511', 'Europe/Berlin')).toBe('2024-02-10T16:25:43.511Z');
	});

	it('takes a date-time with a zone, a Date or a Luxon-like DateTime as the instant it names', () => {
		for (const workflowZone of ['UTC', 'America/New_York']) {
			expect(transaction('2020-04-28T14:30:08.537+02:00', workflowZone)).toBe(
				'2020-04-28T12:30:08.537Z',
			);
			expect(transaction('2020-04-28T12:30:08Z', workflowZone)).toBe('2020-04-28T12:30:08.000Z');
			expect(transaction('2020-04-28T07:30:08-0500', workflowZone)).toBe(
				'2020-04-28T12:30:08.000Z',
			);
			expect(transaction({ toISO: () => '2020-04-28T14:30:08.000+02:00' }, workflowZone)).toBe(
				'2020-04-28T12:30:08.000Z',
			);
		}
	});

	it('tells epoch seconds (10 digits) from epoch milliseconds (13 digits)', () => {
		expect(transaction('1588077008', 'America/New_York')).toBe('2020-04-28T12:30:08.000Z');
		expect(transaction(1588077008, 'UTC')).toBe('2020-04-28T12:30:08.000Z');
		expect(transaction(1588077008537, 'UTC')).toBe('2020-04-28T12:30:08.537Z');
		// Created At takes epoch milliseconds, as Mapp documents it: seconds are converted
		expect(createdAt('1741867804875', 'UTC')).toBe('1741867804875');
		expect(createdAt(1741867804, 'America/New_York')).toBe('1741867804000');
		expect(createdAt('2024-02-10T17:25:43.511Z', 'America/New_York')).toBe(
			'2024-02-10T17:25:43.511Z',
		);
	});

	it('refuses what is ambiguous, naming the item and the field', () => {
		expect(() => transaction('158807700', 'UTC', 2)).toThrow(
			"'Transaction Date' is a number of 9 digits, neither epoch seconds (10 digits) nor epoch milliseconds (13 digits) [item 2]",
		);
		expect(() => createdAt(15880770085, 'UTC', 1)).toThrow("'Created At' is a number of 11 digits");
		expect(() => transaction('04/28/2020 12:30', 'UTC', 3)).toThrow(
			"'Transaction Date' is not a valid date (use ISO 8601",
		);
		expect(() => transaction('2020-02-30T10:00:00', 'UTC')).toThrow('is not a valid date');
		// clocks in New York went from 02:00 to 03:00 on 8 March 2020, and from 02:00 back to 01:00 on 1 November
		expect(() => transaction('2020-03-08T02:30:00', 'America/New_York', 4)).toThrow(
			"'Transaction Date' is ambiguous: this local time does not exist in the workflow's time zone America/New_York",
		);
		expect(() => transaction('2020-11-01T01:30:00', 'America/New_York')).toThrow(
			'this local time exists twice',
		);
		expect(transaction('2020-11-01T01:30:00-04:00', 'America/New_York')).toBe(
			'2020-11-01T05:30:00.000Z',
		);
	});
});
