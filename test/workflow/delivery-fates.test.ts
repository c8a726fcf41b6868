/**
 * What a user reads when requests fail: "not delivered" (Mapp refused it, or it never got there)
 * told apart from "may or may not have been delivered" (no answer after sending), in the package's
 * own words (n8n would replace a message naming ECONNRESET with advice of its own), and, for a
 * single operation with several items, which items were delivered.
 */
import { formatItemRanges } from '../../nodes/MappConnect/delivery/results';
import type { Loopback } from './loopback';
import { closedPort, credentialsAt, startServer } from './loopback';
import { run as runWith, useSandbox } from './mappConnect';
import { batchUpsert, FAST_RETRIES, userUpsert } from '../../tooling/harness/batch-fixtures';

/** The node with retry waits of milliseconds, so that Batch's retries do not sleep for real. */
const run: typeof runWith = async (sandbox, parameters, options = {}) =>
	await runWith(sandbox, parameters, { retryTimings: FAST_RETRIES, ...options });

const sandbox = useSandbox();

const contacts = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ email: `contact${i}@example.com` }));
const recordedEmails = () => sandbox().events.map((event) => event.body.email as string);
/** n8n's own text for ECONNRESET, which must not replace the package's. */
const N8N_GENERIC_TEXT = /retry the request immediately|closed unexpectedly|Retry on Fail' option/i;

async function refusingCredential() {
	return credentialsAt(`http://127.0.0.1:${await closedPort()}`);
}

describe('a refused connection: not delivered', () => {
	it('single operation, Continue On Fail: each item says it was not delivered', async () => {
		const result = await run(sandbox(), userUpsert, {
			items: contacts(2),
			credentials: await refusingCredential(),
			continueOnFail: true,
		});
		expect(result.items.map(({ json }) => json)).toEqual([
			{ error: 'The event was not delivered: no answer (the connection was refused)' },
			{ error: 'The event was not delivered: no answer (the connection was refused)' },
		]);
	});

	it('Batch: retried, then reported as not delivered, with the advice to run them again', async () => {
		const parameters = { ...batchUpsert, batchOptions: { maxRetries: 1 } };
		const result = await run(sandbox(), parameters, {
			items: contacts(2),
			credentials: await refusingCredential(),
		});
		expect(result.error?.message).toBe('Batch 1 of 1 failed: items 0-1 were not delivered');
		expect(result.error?.description).toContain(
			'Batch 1 (items 0-1): no answer (the connection was refused) after 2 attempts.',
		);
		expect(result.error?.description).toContain(
			'Run the node again for the items not delivered only',
		);
		expect(result.error?.description).not.toContain('Outcome unknown');

		const withErrorItems = await run(sandbox(), parameters, {
			items: contacts(2),
			credentials: await refusingCredential(),
			continueOnFail: true,
		});
		expect(withErrorItems.items[0].json).toEqual({
			error:
				'Batch 1 (items 0-1) was not delivered: no answer (the connection was refused) after 2 attempts',
		});
	});
});

describe('a connection reset after Mapp recorded the events: outcome unknown', () => {
	it('single operation: the item may or may not have reached Mapp, check before sending again', async () => {
		sandbox().injectFault({ kind: 'drop', when: 'after', count: 1 });
		const result = await run(sandbox(), userUpsert, { items: contacts(1) });
		expect(result.error?.message).toBe(
			'The event may or may not have reached Mapp: no answer (the connection was reset)',
		);
		expect(result.error?.description).toContain(
			'Check in Mapp whether it arrived before sending it again',
		);
		expect(recordedEmails()).toEqual(['contact0@example.com']);

		sandbox().reset();
		sandbox().injectFault({ kind: 'drop', when: 'after', count: 1 });
		const withErrorItems = await run(sandbox(), userUpsert, {
			items: contacts(1),
			continueOnFail: true,
		});
		expect(withErrorItems.items[0].json).toEqual({
			error: 'The event may or may not have reached Mapp: no answer (the connection was reset)',
		});
	});

	it("Batch, Continue On Fail: the error items carry the package's report, not n8n's ECONNRESET text", async () => {
		sandbox().injectFault({ kind: 'delay', delayMs: 0, count: 1, pathIncludes: 'event/batch' });
		sandbox().injectFault({ kind: 'drop', when: 'after', count: 4, pathIncludes: 'event/batch' });
		const parameters = { ...batchUpsert, batchOptions: { batchSize: 2, concurrency: 1 } };
		const result = await run(sandbox(), parameters, { items: contacts(4), continueOnFail: true });
		expect(result.items.map(({ json }) => json.error ?? json.success)).toEqual([
			true,
			true,
			'Batch 2 (items 2-3) may or may not have been delivered: no answer (the connection was reset) after 4 attempts',
			'Batch 2 (items 2-3) may or may not have been delivered: no answer (the connection was reset) after 4 attempts',
		]);
		expect(result.items[2].error?.message).toBe(result.items[2].json.error);
		expect(result.items[2].error?.description).toContain(
			'Outcome unknown (no answer, or a server error, after sending): items 2-3.',
		);
		expect(result.items[2].error?.description).not.toMatch(N8N_GENERIC_TEXT);
	});

	it("Batch, without Continue On Fail: the node error is the package's report", async () => {
		sandbox().injectFault({ kind: 'drop', when: 'after', count: 4, pathIncludes: 'event/batch' });
		const result = await run(sandbox(), batchUpsert, { items: contacts(2) });
		expect(result.error?.message).toBe(
			'Batch 1 of 1 failed: items 0-1 may or may not have been delivered',
		);
		expect(result.error?.description).toContain(
			'Check in Mapp whether items 0-1 arrived before sending them again',
		);
		expect(result.error?.description).not.toContain(
			'Run the node again for the items not delivered only',
		);
		expect(`${result.error?.message} ${result.error?.description}`).not.toMatch(N8N_GENERIC_TEXT);
	});
});

describe('a single operation with several items, one answered 500', () => {
	it('names the failed item and lists the delivered ones; advises nothing that sends twice', async () => {
		sandbox().injectFault({ kind: 'status500', count: 1 });
		const input = contacts(5);
		const result = await run(sandbox(), userUpsert, { items: input });

		const refused = sandbox().requests.find(({ fault }) => fault === 'status500');
		const failedIndex = input.findIndex(({ email }) => refused?.body.includes(email));
		const delivered = [0, 1, 2, 3, 4].filter((index) => index !== failedIndex);
		expect(result.error?.message).toBe(
			'The event may or may not have reached Mapp: Mapp Connect answered 500: Internal Server Error',
		);
		// Mapp may have taken the event in before failing: it is not reported as "not delivered"
		expect(result.error?.description).toContain(
			`Outcome unknown (no answer, or a server error, after sending): items ${failedIndex}.`,
		);
		expect(result.error?.description).toContain('Not delivered: none.');
		expect(result.error?.description).toContain(
			`Delivered (accepted by Mapp): items ${formatItemRanges(delivered)}.`,
		);
		expect(result.error?.description).not.toMatch(/(use|set|turn on|consider)[^.]*Retry On Fail/i);

		// each event was sent once, and the four accepted ones were recorded once
		expect(sandbox().requests).toHaveLength(5);
		expect(recordedEmails().sort()).toEqual(delivered.map((index) => input[index].email));
	});
});

describe('every 5xx leaves the outcome unknown, whatever its code', () => {
	let server: Loopback | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});
	/** A server in Mapp's place that answers every request with this status. */
	async function answering(status: number) {
		server = await startServer((_request, res) =>
			res.writeHead(status, { 'content-type': 'application/json' }).end('{"message":"Failed"}'),
		);
		return credentialsAt(server.origin);
	}

	it.each([501, 507, 520, 524])(
		'Batch, %p: "may or may not have been delivered", never the advice to run them again',
		async (status) => {
			const result = await run(sandbox(), batchUpsert, {
				items: contacts(2),
				credentials: await answering(status),
			});
			expect(result.error?.message).toBe(
				'Batch 1 of 1 failed: items 0-1 may or may not have been delivered',
			);
			expect(result.error?.description).toContain(
				'Outcome unknown (no answer, or a server error, after sending): items 0-1.',
			);
			expect(result.error?.description).not.toContain('Run the node again');
			// not retried: another attempt would not mend it, and could record the events twice
			expect(server?.received).toHaveLength(1);
		},
	);

	it.each([501, 507, 520])(
		'a single operation, %p: the item is among those whose outcome is unknown',
		async (status) => {
			const result = await run(sandbox(), userUpsert, {
				items: contacts(2),
				credentials: await answering(status),
			});
			expect(result.error?.message).toBe(
				`The event may or may not have reached Mapp: Mapp Connect answered ${status}: Failed`,
			);
			expect(result.error?.description).toContain(
				'Outcome unknown (no answer, or a server error, after sending): items 0-1.',
			);
			expect(result.error?.description).toContain('Not delivered: none.');
			expect(result.error?.description).not.toContain('Run the node again');
		},
	);
});
