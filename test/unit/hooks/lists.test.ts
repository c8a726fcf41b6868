import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import {
	buildCreateGroupBody,
	buildHistoryQuery,
	paginateMessageHistory,
	toCreatedGroups,
	toHistoryItems,
	toIdNameItems,
} from '../../../nodes/MappConnect/hooks/lists';
import { throwOnMappError } from '../../../nodes/MappConnect/hooks/response';
import { HISTORY_PAGE_SIZE } from '../../../nodes/MappConnect/shared/api';
import { response, singleContext } from './context';

describe('list hooks', () => {
	it('toIdNameItems: one item per entry, sorted by name, paired to the input item', async () => {
		const items = await toIdNameItems.call(
			singleContext({}, 2),
			[],
			response(200, { '777': 'VIP', '666': 'Newsletter', '12': 'Newsletter' }),
		);
		expect(items).toEqual([
			{ json: { id: '12', name: 'Newsletter' }, pairedItem: { item: 2 } },
			{ json: { id: '666', name: 'Newsletter' }, pairedItem: { item: 2 } },
			{ json: { id: '777', name: 'VIP' }, pairedItem: { item: 2 } },
		]);
	});

	it('toIdNameItems: an answer that is no list of IDs and names is an API error', async () => {
		await expect(toIdNameItems.call(singleContext({}), [], response(200, ['a']))).rejects.toThrow(NodeApiError);
	});

	it('throwOnMappError: passes a success on, turns an error answer into an API error', async () => {
		const items = [{ json: { a: 1 } }];
		expect(await throwOnMappError.call(singleContext({}), items, response(200, {}))).toBe(items);
		await expect(
			throwOnMappError.call(singleContext({}), items, response(404, { message: 'Unknown integration' })),
		).rejects.toThrow('Mapp Connect answered 404: Unknown integration');
	});

	it('toHistoryItems: one item per history entry', async () => {
		const entry = { messageName: 'Welcome', sendoutDate: '1700000000000', clickDate: null, openDate: null };
		expect(await toHistoryItems.call(singleContext({}), [], response(200, { historyItems: [entry] }))).toEqual([
			{ json: entry, pairedItem: { item: 0 } },
		]);
	});

	it('buildHistoryQuery: puts the contact in the query, refuses an invalid email', async () => {
		const request = { url: '/message/history', qs: { offset: 0 } };
		expect(await buildHistoryQuery.call(singleContext({ userEmail: 'anna@example.com' }), request)).toEqual({
			url: '/message/history',
			qs: { offset: 0, userEmail: 'anna@example.com' },
		});
		await expect(buildHistoryQuery.call(singleContext({ userEmail: 'anna' }, 1), request)).rejects.toThrow(
			"'Email' is not a valid email address [item 1]",
		);
	});

	it('Group > Create: sends the name as a list, answers one item per created group', async () => {
		expect(await buildCreateGroupBody.call(singleContext({ groupName: ' Summer ' }), { url: '/genericgroup' })).toEqual({
			url: '/genericgroup',
			body: { groupNames: ['Summer'] },
		});
		await expect(buildCreateGroupBody.call(singleContext({ groupName: '' }), { url: '' })).rejects.toThrow(
			"'Group Name' is required [item 0]",
		);
		expect(
			await toCreatedGroups.call(singleContext({}), [], response(200, { groupNamesAndIds: { Summer: 678 } })),
		).toEqual([{ json: { name: 'Summer', id: '678' }, pairedItem: { item: 0 } }]);
	});
});

describe('paginateMessageHistory', () => {
	/** A history of `total` rows answered page by page; records the pages asked for. */
	function pagingContext(total: number) {
		const asked: Array<{ numberOfRows: number; offset: number }> = [];
		const context = {
			makeRoutingRequest: async (options: DeclarativeRestApiSettings.ResultOptions) => {
				const { numberOfRows, offset } = options.options.qs as { numberOfRows: number; offset: number };
				asked.push({ numberOfRows, offset });
				const rows = Math.max(0, Math.min(numberOfRows, total - offset));
				return Array.from({ length: rows }, (_, index): INodeExecutionData => ({ json: { row: offset + index } }));
			},
		} as unknown as IExecutePaginationFunctions;
		return { context, asked };
	}

	const resultOptions = (maxResults?: number): DeclarativeRestApiSettings.ResultOptions => ({
		options: { qs: { userEmail: 'anna@example.com' } },
		preSend: [],
		postReceive: [],
		maxResults,
	});

	it('Return All: asks for pages until one comes back short', async () => {
		const { context, asked } = pagingContext(2 * HISTORY_PAGE_SIZE + 5);
		const rows = await paginateMessageHistory.call(context, resultOptions());
		expect(rows).toHaveLength(2 * HISTORY_PAGE_SIZE + 5);
		expect(rows.map(({ json }) => json.row)).toEqual([...Array(2 * HISTORY_PAGE_SIZE + 5).keys()]);
		expect(asked).toEqual([
			{ numberOfRows: HISTORY_PAGE_SIZE, offset: 0 },
			{ numberOfRows: HISTORY_PAGE_SIZE, offset: HISTORY_PAGE_SIZE },
			{ numberOfRows: HISTORY_PAGE_SIZE, offset: 2 * HISTORY_PAGE_SIZE },
		]);
	});

	it('Limit: asks for no more rows than the limit', async () => {
		const { context, asked } = pagingContext(1000);
		const rows = await paginateMessageHistory.call(context, resultOptions(HISTORY_PAGE_SIZE + 20));
		expect(rows).toHaveLength(HISTORY_PAGE_SIZE + 20);
		expect(asked).toEqual([
			{ numberOfRows: HISTORY_PAGE_SIZE, offset: 0 },
			{ numberOfRows: 20, offset: HISTORY_PAGE_SIZE },
		]);
	});
});
