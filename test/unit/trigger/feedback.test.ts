import type { IDataObject } from 'n8n-workflow';
import {
	listOf,
	passesFilters,
	readFeedbackBody,
	toOutputJson,
} from '../../../nodes/MappConnectTrigger/feedback';

const missingSku = {
	errorCode: 'MISSING_FIELD',
	customerId: 33,
	actionTime: 'Thu Apr 13 14:19:10 CEST 2023',
	integration_id: 'a71a48d9-a026-42ce-a2fa-f0b3f79fec41',
	uuid: '015ee326-91b1-4b7f-8da9-4ee8a3709622',
	mappingName: 'product',
	actionParams: { addonId: '5294', delete: 'true' },
	description: 'Skipping product deletion - missing mandatory field: productSKU',
};

describe('reading a callback body', () => {
	it('takes one entry or an array of entries', () => {
		expect(readFeedbackBody(JSON.stringify(missingSku))).toEqual({ entries: [missingSku] });
		expect(readFeedbackBody(JSON.stringify([missingSku, missingSku]))).toEqual({
			entries: [missingSku, missingSku],
		});
	});

	it.each([
		['text that is not JSON', 'errorCode=MISSING_FIELD', 'The body is not JSON'],
		['an empty body', '', 'The body is not JSON'],
		['an empty array', '[]', 'The body holds no feedback entries'],
		[
			'an object without feedback fields',
			'{"hello":"world"}',
			'The body is not a Mapp feedback entry',
		],
		['JSON null', 'null', 'The body is not a Mapp feedback entry'],
		[
			'an array with a stray value',
			JSON.stringify([missingSku, 42]),
			'Entry 1 of the body is not a Mapp feedback entry',
		],
	])('refuses %s', (_what, body, problem) => {
		expect(readFeedbackBody(body)).toEqual({ problem });
	});
});

describe('filters', () => {
	const all = { errorCodes: [], mappingNames: [], integrationId: '' };

	it('keep everything when none is set', () => {
		expect(passesFilters(missingSku, all)).toBe(true);
	});

	it('match error codes and mapping names from a comma-separated list, ignoring case', () => {
		expect(
			passesFilters(missingSku, { ...all, errorCodes: listOf('CONTACT_NOT_FOUND, missing_field') }),
		).toBe(true);
		expect(passesFilters(missingSku, { ...all, errorCodes: listOf('CONTACT_NOT_FOUND') })).toBe(
			false,
		);
		expect(
			passesFilters(missingSku, { ...all, mappingNames: listOf(' transaction , Product ') }),
		).toBe(true);
		expect(passesFilters(missingSku, { ...all, mappingNames: listOf('transaction') })).toBe(false);
	});

	it('keep only the integration asked for, and drop entries that do not say theirs', () => {
		expect(passesFilters(missingSku, { ...all, integrationId: missingSku.integration_id })).toBe(
			true,
		);
		expect(
			passesFilters(missingSku, { ...all, integrationId: '11111111-2222-3333-4444-555555555555' }),
		).toBe(false);
		const withoutIntegration: IDataObject = { ...missingSku };
		delete withoutIntegration.integration_id;
		expect(
			passesFilters(withoutIntegration, { ...all, integrationId: missingSku.integration_id }),
		).toBe(false);
	});

	it('read an empty list as no filter', () => {
		expect(listOf(' , ')).toEqual([]);
		expect(listOf(undefined)).toEqual([]);
	});
});

describe('the item emitted for an entry', () => {
	it('holds the fields as Mapp sent them, actionTime in ISO 8601 and the original beside it', () => {
		expect(toOutputJson(missingSku)).toEqual({
			...missingSku,
			actionTime: '2023-04-13T12:19:10.000Z',
			actionTimeRaw: 'Thu Apr 13 14:19:10 CEST 2023',
		});
	});

	it('keeps an actionTime it cannot read as it came', () => {
		expect(toOutputJson({ ...missingSku, actionTime: 'soon' })).toMatchObject({
			actionTime: 'soon',
			actionTimeRaw: 'soon',
		});
	});

	it('adds nothing when there is no actionTime', () => {
		expect(toOutputJson({ errorCode: 'X' })).toEqual({ errorCode: 'X' });
	});
});
