/**
 * Message → Get History, Return All, against servers that do not page as Mapp does: one that
 * ignores `offset`, and one whose pages are shorter than asked.
 */
import { runNode } from '../../tooling/harness';
import type { Loopback } from './loopback';
import { credentialsAt, startServer } from './loopback';

const entry = (n: number) => ({
	messageName: `Message ${n}`,
	sendoutDate: String(1700000000000 + n),
	clickDate: null,
	openDate: null,
});

/** A history server: `page(offset, rows)` is the list it answers for that query. */
async function historyServer(page: (offset: number, rows: number) => unknown[]): Promise<Loopback> {
	return await startServer(({ url }, res) => {
		const query = new URL(url, 'http://x').searchParams;
		const body = JSON.stringify({
			historyItems: page(Number(query.get('offset')), Number(query.get('numberOfRows'))),
		});
		res.writeHead(200, { 'content-type': 'application/json' }).end(body);
	});
}

let server: Loopback | undefined;
afterEach(async () => await server?.close());

async function returnAll() {
	if (!server) throw new Error('no server');
	return await runNode({
		parameters: {
			resource: 'message',
			operation: 'getHistory',
			userEmail: 'anna@example.com',
			returnAll: true,
		},
		credentials: credentialsAt(server.origin),
	});
}

describe('Get History, Return All, against a server that does not page as Mapp does', () => {
	it('stops when a page adds nothing new (a server that ignores offset): each entry once, two requests', async () => {
		server = await historyServer((_offset, rows) =>
			Array.from({ length: rows }, (_, i) => entry(i)),
		);
		const result = await returnAll();
		expect(result.error).toBeUndefined();
		expect(result.items.map(({ json }) => json)).toEqual(
			Array.from({ length: 100 }, (_, i) => entry(i)),
		);
		expect(server.received).toHaveLength(2);
	});

	it('reads on past a page shorter than asked (a server that caps pages at 30 rows), to the empty page', async () => {
		const all = Array.from({ length: 75 }, (_, i) => entry(i));
		server = await historyServer((offset, rows) => all.slice(offset, offset + Math.min(rows, 30)));
		const result = await returnAll();
		expect(result.items.map(({ json }) => json)).toEqual(all);
		expect(
			server.received.map(({ url }) => new URL(url, 'http://x').searchParams.get('offset')),
		).toEqual(['0', '30', '60', '75']);
	});
});
