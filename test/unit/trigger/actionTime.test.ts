import { actionTimeToIso } from '../../../nodes/MappConnectTrigger/actionTime';

describe('actionTime as Mapp writes it, read as an ISO 8601 instant', () => {
	it.each([
		['Thu Apr 13 14:19:10 CEST 2023', '2023-04-13T12:19:10.000Z'],
		['Mon Jan 08 09:05:00 CET 2024', '2024-01-08T08:05:00.000Z'],
		['Tue Jul 02 07:00:01 UTC 2024', '2024-07-02T07:00:01.000Z'],
		['Tue Jul 02 07:00:01 GMT 2024', '2024-07-02T07:00:01.000Z'],
		['Sun Nov 03 01:30:00 EST 2024', '2024-11-03T06:30:00.000Z'],
		['Thu Apr 13 14:19:10 GMT+02:00 2023', '2023-04-13T12:19:10.000Z'],
		['Sat Feb  3 23:59:59 CET 2024', '2024-02-03T22:59:59.000Z'],
	])('%s → %s', (text, iso) => {
		expect(actionTimeToIso(text)).toBe(iso);
	});

	it('crosses midnight and the year when the zone is ahead of UTC', () => {
		expect(actionTimeToIso('Mon Jan 01 00:30:00 CET 2024')).toBe('2023-12-31T23:30:00.000Z');
	});

	it('reads epoch milliseconds and ISO strings that name their zone', () => {
		expect(actionTimeToIso(1681388350000)).toBe('2023-04-13T12:19:10.000Z');
		expect(actionTimeToIso('1681388350000')).toBe('2023-04-13T12:19:10.000Z');
		expect(actionTimeToIso('2023-04-13T14:19:10+02:00')).toBe('2023-04-13T12:19:10.000Z');
	});

	it.each([
		['an unknown zone abbreviation', 'Thu Apr 13 14:19:10 XYZ 2023'],
		['a day that does not exist', 'Fri Feb 30 10:00:00 CET 2024'],
		['an hour that does not exist', 'Thu Apr 13 25:19:10 CEST 2023'],
		['a time without a zone', '2023-04-13 14:19:10'],
		['free text', 'yesterday'],
		['an empty string', ''],
	])('leaves %s unread', (_what, text) => {
		expect(actionTimeToIso(text)).toBeUndefined();
	});
});
