import type { INodeParameters } from 'n8n-workflow';
import { runNode, sandboxCredentials } from '../../tooling/harness';
import type { FaultSpec, RecordedRequest, Sandbox } from '../../tooling/sandbox';
import { startSandbox } from '../../tooling/sandbox';
import { contacts, FAST_RETRIES, userUpsertParameters } from '../../tooling/harness/batch-fixtures';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());
beforeEach(() => sandbox.reset());

const onBatch = (spec: FaultSpec): FaultSpec => ({ pathIncludes: 'event/batch', ...spec });
const emailsIn = (request: RecordedRequest) =>
	(JSON.parse(request.body) as Array<{ email: string }>).map((e) => e.email);
const recordedEmails = () => sandbox.events.map((event) => event.body.email as string);

async function send(count: number, batchOptions: INodeParameters = {}, continueOnFail = false) {
	const input = contacts(count);
	const result = await runNode({
		parameters: { ...userUpsertParameters, batchOptions },
		items: input as never,
		credentials: sandboxCredentials(sandbox),
		continueOnFail,
		retryTimings: FAST_RETRIES,
	});
	return { ...result, emails: input.map((contact) => contact.email) };
}

describe('Batch → Send under faults', () => {
	it('delivers 20,000 events exactly once while a fifth of the requests get 429, 503 or a dropped connection', async () => {
		// about 7 % each, a fifth in all; seeds picked so that the sandbox spreads the faults out
		// rather than putting more than Max Retries of them on one chunk
		sandbox.injectFault(
			onBatch({ kind: 'status429', share: 0.07, seed: 58, retryAfterSeconds: 0 }),
		);
		sandbox.injectFault(onBatch({ kind: 'status503', share: 0.07, seed: 158 }));
		sandbox.injectFault(onBatch({ kind: 'drop', share: 0.07, seed: 258, when: 'before' }));

		const { items, error, emails } = await send(20_000);
		expect(error).toBeUndefined();

		expect(sandbox.eventCount).toBe(20_000);
		expect(recordedEmails().sort()).toEqual(emails);

		const faulted = sandbox.requests.filter((request) => request.fault);
		expect(new Set(faulted.map((request) => request.fault))).toEqual(
			new Set(['status429', 'status503', 'drop']),
		);
		expect(sandbox.requests).toHaveLength(20 + faulted.length);

		// each output item counts the requests its chunk took, faulted ones included
		const requestsPerFirstEmail = new Map<string, number>();
		for (const request of sandbox.requests) {
			const first = emailsIn(request)[0];
			requestsPerFirstEmail.set(first, (requestsPerFirstEmail.get(first) ?? 0) + 1);
		}
		expect(items).toHaveLength(20_000);
		for (let chunk = 0; chunk < 20; chunk++) {
			const first = items[chunk * 1000];
			expect(first.json).toMatchObject({ success: true, chunk: chunk + 1 });
			expect(first.json.attempts).toBe(requestsPerFirstEmail.get(emails[chunk * 1000]));
		}
		expect(items.some((item) => (item.json.attempts as number) > 1)).toBe(true);
		expect(items.every((item) => item.json.success === true)).toBe(true);
	}, 120_000);

	it('waits the seconds of Retry-After before retrying a 429', async () => {
		sandbox.injectFault(onBatch({ kind: 'status429', count: 1, retryAfterSeconds: 1 }));
		const started = Date.now();
		const { items } = await send(10);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		expect(items[0].json).toMatchObject({ success: true, attempts: 2 });
		expect(sandbox.eventCount).toBe(10);
	});

	it('retries a 500 "Database Access Limit Exceeded" as throttling', async () => {
		sandbox.injectFault(onBatch({ kind: 'status500dbLimit', count: 1 }));
		const { items } = await send(10);
		expect(items[0].json).toMatchObject({ success: true, attempts: 2 });
		expect(sandbox.eventCount).toBe(10);
	});

	it('resends a chunk whose answer was lost after Mapp recorded it: at-least-once, as the README says', async () => {
		sandbox.injectFault(onBatch({ kind: 'drop', count: 1, when: 'after' }));
		const { items, emails } = await send(10);
		expect(items[0].json).toMatchObject({ success: true, attempts: 2 });
		expect(recordedEmails()).toEqual([...emails, ...emails]);
	});

	describe('a chunk that fails for good', () => {
		/** The first batch request passes (a delay of 0 ms), the second gets `fault`. */
		function failSecondRequest(fault: FaultSpec) {
			sandbox.injectFault(onBatch({ kind: 'delay', delayMs: 0, count: 1 }));
			sandbox.injectFault(onBatch(fault));
		}

		it('stops the run with an error that says which items were delivered and which not', async () => {
			failSecondRequest({ kind: 'status400', count: 1 });
			const { items, error, emails } = await send(2500, { concurrency: 1 });
			expect(items).toEqual([]);
			expect(error?.message).toBe('Batch 2 of 3 failed: items 1000-2499 were not delivered');
			expect(error?.description).toContain(
				[
					'Delivered (accepted by Mapp): items 0-999.',
					'Not delivered: items 1000-2499.',
					'Batch 2 (items 1000-1999): HTTP 400: The event does not match the mapping of its subtype after 1 attempt.',
					'Batch 3 (items 2000-2499): not sent, as the run stopped at an earlier failure.',
				].join('\n'),
			);
			expect(error?.httpCode).toBe('400');
			expect(recordedEmails()).toEqual(emails.slice(0, 1000));
		});

		it('reports a batch Mapp recorded before answering 500 as "may or may not", never as not delivered', async () => {
			sandbox.injectFault(onBatch({ kind: 'delay', delayMs: 0, count: 1 }));
			sandbox.injectFault(onBatch({ kind: 'status500', count: 1, when: 'after' }));
			const { error, emails } = await send(2500, { concurrency: 1 });
			// Mapp took the second batch in: the report must not advise sending it again.
			expect(recordedEmails()).toEqual(emails.slice(0, 2000));
			expect(error?.message).toBe(
				'Batch 2 of 3 failed: items 2000-2499 were not delivered; items 1000-1999 may or may not have been delivered',
			);
			expect(error?.description).toContain(
				'Outcome unknown (no answer, or a server error, after sending): items 1000-1999.',
			);
			expect(error?.description).toContain(
				'Check in Mapp whether items 1000-1999 arrived before sending them again',
			);
			expect(error?.description).toContain('Run the node again for the items not delivered only');
			expect(error?.description).not.toMatch(/Not delivered: items 1000/);
		});

		it('with Continue On Fail, reports its items as errors and sends the other chunks', async () => {
			failSecondRequest({ kind: 'status503', count: 4 });
			const { items, error, emails } = await send(2500, { concurrency: 1 }, true);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(2500);
			const failed = items.filter((item) => item.error);
			expect(failed.map((item) => item.pairedItem)).toEqual(
				emails.slice(1000, 2000).map((_, i) => ({ item: 1000 + i })),
			);
			expect(failed[0].json).toEqual({
				error:
					'Batch 2 (items 1000-1999) may or may not have been delivered: HTTP 503: Service Unavailable after 4 attempts',
			});
			expect(items[999].json).toMatchObject({ success: true, chunk: 1, attempts: 1 });
			expect(items[2000].json).toMatchObject({ success: true, chunk: 3, attempts: 1 });
			expect(recordedEmails()).toEqual([...emails.slice(0, 1000), ...emails.slice(2000)]);
		});

		it('says so when the connection kept dropping until Max Retries ran out', async () => {
			failSecondRequest({ kind: 'drop', count: 4 });
			const { error } = await send(2500, { concurrency: 1 });
			expect(error?.message).toBe(
				'Batch 2 of 3 failed: items 2000-2499 were not delivered; items 1000-1999 may or may not have been delivered',
			);
			expect(error?.description).toContain(
				'Batch 2 (items 1000-1999): no answer (the connection was reset) after 4 attempts.',
			);
			expect(error?.description).toContain(
				'Outcome unknown (no answer, or a server error, after sending): items 1000-1999.',
			);
			expect(error?.description).toContain(
				'Check in Mapp whether items 1000-1999 arrived before sending them again',
			);
		});

		it('with Output "One Item per Batch", gives the failed chunk an error item paired to its items', async () => {
			failSecondRequest({ kind: 'status500', count: 1 });
			const { items } = await send(2500, { concurrency: 1, output: 'perBatch' }, true);
			expect(items.map((item) => item.json.success ?? 'error')).toEqual([true, 'error', true]);
			expect(items[1].json.error).toBe(
				'Batch 2 (items 1000-1999) may or may not have been delivered: HTTP 500: Internal Server Error after 1 attempt',
			);
			expect(items[1].pairedItem).toHaveLength(1000);
		});
	});
});

describe('Batch → Send marks the events that may have been recorded twice', () => {
	it('a chunk accepted on a retry after its first attempt may have reached Mapp: mayBeDuplicate', async () => {
		// chunk 1 is recorded, then its answer is lost; the retry is recorded again
		sandbox.injectFault(onBatch({ kind: 'drop', when: 'after', count: 1 }));
		const { items, error, emails } = await send(4, { batchSize: 2, concurrency: 1 });
		expect(error).toBeUndefined();
		expect(recordedEmails().sort()).toEqual([...emails.slice(0, 2), ...emails].sort());
		expect(items.map(({ json }) => [json.chunk, json.attempts, json.mayBeDuplicate])).toEqual([
			[1, 2, true],
			[1, 2, true],
			[2, 1, undefined],
			[2, 1, undefined],
		]);
	});

	it('per batch too, and after a 503 (whose outcome is unknown)', async () => {
		sandbox.injectFault(onBatch({ kind: 'status503', count: 1 }));
		const { items, error } = await send(4, {
			batchSize: 2,
			concurrency: 1,
			output: 'perBatch',
		});
		expect(error).toBeUndefined();
		expect(items.map(({ json }) => [json.chunk, json.attempts, json.mayBeDuplicate])).toEqual([
			[1, 2, true],
			[2, 1, undefined],
		]);
	});

	it("not after an answer that refuses: a 429, or Engage's over-rate 500", async () => {
		sandbox.injectFault(onBatch({ kind: 'status429', count: 1, retryAfterSeconds: 0 }));
		sandbox.injectFault(onBatch({ kind: 'status500dbLimit', count: 1 }));
		const { items, error } = await send(2);
		expect(error).toBeUndefined();
		expect(items.map(({ json }) => json.attempts)).toEqual([3, 3]);
		expect(items.every(({ json }) => !('mayBeDuplicate' in json))).toBe(true);
	});
});
