import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { toAnswerItem } from '../../../nodes/MappConnect/resources/integration/answer';
import {
	MAX_HISTORY_PAGES,
	buildHistoryQuery,
	paginateMessageHistory,
	toHistoryItems,
} from '../../../nodes/MappConnect/resources/message/getHistory';
import { throwOnMappError, toIdNameItems } from '../../../nodes/MappConnect/resources/readOutput';
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
		await expect(toIdNameItems.call(singleContext({}), [], response(200, ['a']))).rejects.toThrow(
			NodeApiError,
		);
	});

	it('throwOnMappError: passes a success on, turns an error answer into an API error', async () => {
		const items = [{ json: { a: 1 } }];
		expect(await throwOnMappError.call(singleContext({}), items, response(200, {}))).toBe(items);
		await expect(
			throwOnMappError.call(
				singleContext({}),
				items,
				response(404, { message: 'Unknown integration' }),
			),
		).rejects.toThrow('Mapp Connect answered 404: Unknown integration');
	});

	it('toHistoryItems: one item per history entry', async () => {
		const entry = {
			messageName: 'Welcome',
			sendoutDate: '1700000000000',
			clickDate: null,
			openDate: null,
		};
		expect(
			await toHistoryItems.call(singleContext({}), [], response(200, { historyItems: [entry] })),
		).toEqual([{ json: entry, pairedItem: { item: 0 } }]);
	});

	it('buildHistoryQuery: puts the contact in the query, refuses an invalid email', async () => {
		const request = { url: '/message/history', qs: { offset: 0 } };
		expect(
			await buildHistoryQuery.call(singleContext({ userEmail: 'anna@example.com' }), request),
		).toEqual({
			url: '/message/history',
			qs: { offset: 0, userEmail: 'anna@example.com' },
		});
		await expect(
			buildHistoryQuery.call(singleContext({ userEmail: 'anna' }, 1), request),
		).rejects.toThrow("'Email' is not a valid email address [item 1]");
	});

	it('Integration answers: an object passes through as it came, anything else under "response"', async () => {
		const answer = {
			pong: true,
			integrationId: 'abc',
			timestamp: 1555054882877,
			extra: { nested: [1] },
		};
		expect(await toAnswerItem.call(singleContext({}, 2), [], response(200, answer))).toEqual([
			{ json: answer, pairedItem: { item: 2 } },
		]);
		expect(await toAnswerItem.call(singleContext({}), [], response(200, 'OK'))).toEqual([
			{ json: { response: 'OK' }, pairedItem: { item: 0 } },
		]);
		expect(await toAnswerItem.call(singleContext({}), [], response(200, undefined))).toEqual([
			{ json: { response: null }, pairedItem: { item: 0 } },
		]);
	});
});

describe('paginateMessageHistory', () => {
	interface Server {
		/** Rows in the history; Infinity for a server that never ends. */
		total: number;
		/** The most rows the server puts on a page, whatever was asked. */
		pageCap?: number;
		/** A server that ignores `offset` and always answers the first page. */
		ignoresOffset?: boolean;
		/** Aborts the execution's signal once this many pages were asked for. */
		cancelAfter?: number;
	}

	/** A history answered page by page as the server would; records the pages asked for. */
	function pagingContext(server: Server) {
		const asked: Array<{ numberOfRows: number; offset: number }> = [];
		const cancel = new AbortController();
		const context = {
			getNode: () => ({ name: 'Mapp Connect' }),
			getItemIndex: () => 0,
			getExecutionCancelSignal: () => cancel.signal,
			makeRoutingRequest: async (options: DeclarativeRestApiSettings.ResultOptions) => {
				const { numberOfRows, offset } = options.options.qs as {
					numberOfRows: number;
					offset: number;
				};
				asked.push({ numberOfRows, offset });
				if (asked.length === server.cancelAfter) cancel.abort();
				const from = server.ignoresOffset ? 0 : offset;
				const rows = Math.max(
					0,
					Math.min(numberOfRows, server.pageCap ?? Infinity, server.total - from),
				);
				return Array.from({ length: rows }, (_, index): INodeExecutionData => ({
					json: { row: from + index },
				}));
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

	it('Return All: asks for pages until one comes back empty', async () => {
		const { context, asked } = pagingContext({ total: 2 * HISTORY_PAGE_SIZE + 5 });
		const rows = await paginateMessageHistory.call(context, resultOptions());
		expect(rows.map(({ json }) => json.row)).toEqual([...Array(2 * HISTORY_PAGE_SIZE + 5).keys()]);
		expect(asked.map(({ offset }) => offset)).toEqual([
			0,
			HISTORY_PAGE_SIZE,
			2 * HISTORY_PAGE_SIZE,
			2 * HISTORY_PAGE_SIZE + 5,
		]);
	});

	it('a server whose pages are smaller than asked: a short page is not the end', async () => {
		const { context } = pagingContext({ total: 250, pageCap: 30 });
		const rows = await paginateMessageHistory.call(context, resultOptions());
		expect(rows.map(({ json }) => json.row)).toEqual([...Array(250).keys()]);
	});

	it('a server that ignores offset: stops when a page adds nothing new, each row once', async () => {
		const { context, asked } = pagingContext({ total: 1000, ignoresOffset: true });
		const rows = await paginateMessageHistory.call(context, resultOptions());
		expect(rows).toHaveLength(HISTORY_PAGE_SIZE);
		expect(asked).toHaveLength(2);
	});

	it('a server that never ends: stops at the page ceiling with an error naming it', async () => {
		const { context, asked } = pagingContext({ total: Infinity });
		await expect(paginateMessageHistory.call(context, resultOptions())).rejects.toThrow(
			`Get History stopped after ${MAX_HISTORY_PAGES} pages`,
		);
		expect(asked).toHaveLength(MAX_HISTORY_PAGES);
	});

	it('a cancelled execution asks for no further page', async () => {
		const { context, asked } = pagingContext({ total: Infinity, cancelAfter: 3 });
		await paginateMessageHistory.call(context, resultOptions());
		expect(asked).toHaveLength(3);
	});

	it('Limit: asks for no more rows than the limit', async () => {
		const { context, asked } = pagingContext({ total: 1000 });
		const rows = await paginateMessageHistory.call(context, resultOptions(HISTORY_PAGE_SIZE + 20));
		expect(rows).toHaveLength(HISTORY_PAGE_SIZE + 20);
		expect(asked).toEqual([
			{ numberOfRows: HISTORY_PAGE_SIZE, offset: 0 },
			{ numberOfRows: 20, offset: HISTORY_PAGE_SIZE },
		]);
	});
});
