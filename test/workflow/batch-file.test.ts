/**
 * Batch → Send From File in n8n-core, against the sandbox: a file in an input item's binary field
 * (kept in the item as n8n's default mode keeps it, or stored on disk with an id as its filesystem
 * mode does), its records sent as events, one summary item, the record to resume from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { CapturedLog, InputFile } from '../../tooling/harness';
import { captureLog, storeBinaryDataOnDisk } from '../../tooling/harness';
import { contactFields, contacts, FAST_RETRIES } from '../../tooling/harness/batch-fixtures';
import { FaultInjector } from '../../tooling/sandbox/faults';
import { run, useSandbox } from './mappConnect';

const sandbox = useSandbox();

let log: CapturedLog;
beforeEach(() => (log = captureLog()));
afterEach(() => log.restore());

const COLUMNS = ['email', 'group', 'firstName', 'city', 'score'] as const;

/** A CSV of `count` contacts, as a spreadsheet exports it; `edit` changes a record's line (from 1). */
function contactsCsv(count: number, edit: (line: string, record: number) => string = (l) => l) {
	const lines = contacts(count).map((contact, at) =>
		edit(COLUMNS.map((column) => String(contact[column])).join(','), at + 1),
	);
	return `${COLUMNS.join(',')}\r\n${lines.join('\r\n')}\r\n`;
}
const CONTACTS = contacts(3000);
const emailOf = (record: number) => CONTACTS[record - 1].email;
const csvFile = (content: string): InputFile => ({ content, fileName: 'contacts.csv' });

/** Batch → Send From File of user upserts, each field mapped from its column. */
const fromFile = (more: INodeParameters = {}): INodeParameters => ({
	resource: 'batch',
	operation: 'sendFile',
	eventKind: 'userUpsert',
	eventSource: 'fields',
	...contactFields,
	...more,
	batchOptions: { batchSize: 100, concurrency: 3, ...(more.batchOptions as IDataObject) },
});

async function sendFile(parameters: INodeParameters, file: InputFile, continueOnFail = false) {
	const result = await run(sandbox(), parameters, {
		files: [file],
		continueOnFail,
		retryTimings: FAST_RETRIES,
	});
	const inputBinary = result.run.data.resultData.runData.Input[0].data?.main[0]?.[0].binary?.data;
	return { ...result, summary: result.items[0]?.json, binaryId: inputBinary?.id };
}

const arrivedEmails = () => sandbox().events.map(({ body }) => body.email as string);
const emails = (first: number, last: number) =>
	Array.from({ length: last - first + 1 }, (_, at) => emailOf(first + at));
const sorted = (values: string[]) => [...values].sort();

describe('Batch → Send From File', () => {
	it('sends every record of a CSV kept in the item (default binary mode) once, with one summary item', async () => {
		const { items, summary, error, binaryId } = await sendFile(
			fromFile(),
			csvFile(contactsCsv(2500)),
		);
		expect(error).toBeUndefined();
		expect(binaryId).toBeUndefined();
		expect(sorted(arrivedEmails())).toEqual(emails(1, 2500));
		expect(sandbox().events[0].body).toEqual({
			email: emailOf(1),
			group: '100',
			firstName: 'First0',
			city: 'Berlin',
			score: '0',
		});
		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(summary).toMatchObject({
			fileName: 'contacts.csv',
			dryRun: false,
			subtype: 'user',
			recordsRead: 2500,
			events: 2500,
			eventsAccepted: 2500,
			batches: 25,
			batchesFailed: 0,
			batchesOutcomeUnknown: 0,
			batchesMayBeDuplicate: 0,
			rejected: 0,
			rejections: [],
			startedAtRecord: 1,
			lastAcceptedRecord: 2500,
			resumeFromRecord: 2501,
		});
		expect(summary?.eventsPerSecond).toEqual(expect.any(Number));
		expect(log.lines.filter((line) => line.includes('Send From File done'))).toHaveLength(1);
	});

	describe("with n8n's filesystem binary mode (the file has an id and is streamed)", () => {
		const directory = mkdtempSync(path.join(tmpdir(), 'mapp-binary-'));
		let backToDefault: () => void;
		beforeAll(async () => (backToDefault = await storeBinaryDataOnDisk(directory)));
		afterAll(() => {
			backToDefault();
			rmSync(directory, { recursive: true, force: true });
		});

		it('sends every record once', async () => {
			const { summary, error, binaryId } = await sendFile(fromFile(), csvFile(contactsCsv(2500)));
			expect(error).toBeUndefined();
			expect(binaryId).toMatch(/^filesystem-v2:/);
			expect(sorted(arrivedEmails())).toEqual(emails(1, 2500));
			expect(summary).toMatchObject({
				recordsRead: 2500,
				eventsAccepted: 2500,
				resumeFromRecord: 2501,
			});
		});
	});

	it('JSON Lines, Whole Record: each line is the event, with values as strings', async () => {
		const lines = [
			{ email: 'a@example.com', group: 7, vip: true },
			{ email: 'b@example.com', group: 8, vip: false },
		];
		const { summary, error } = await sendFile(
			{
				resource: 'batch',
				operation: 'sendFile',
				fileFormat: 'jsonl',
				eventKind: 'userUpsert',
				eventSource: 'wholeRecord',
			},
			{ content: lines.map((line) => JSON.stringify(line)).join('\n'), fileName: 'users.jsonl' },
		);
		expect(error).toBeUndefined();
		expect(sandbox().events.map(({ body }) => body)).toEqual([
			{ email: 'a@example.com', group: '7', vip: 'true' },
			{ email: 'b@example.com', group: '8', vip: 'false' },
		]);
		expect(summary).toMatchObject({ fileFormat: 'jsonl', recordsRead: 2, eventsAccepted: 2 });
	});

	it('lists each record that fails a check by number, field, column and reason, and sends the others', async () => {
		const bad = [4, 9, 15];
		const csv = contactsCsv(20, (line, record) =>
			bad.includes(record) ? line.replace('@example.com', '@') : line,
		);
		const { summary, error } = await sendFile(fromFile(), csvFile(csv));
		expect(error).toBeUndefined();
		expect(sorted(arrivedEmails())).toEqual(emails(1, 20).filter((_, at) => !bad.includes(at + 1)));
		expect(summary).toMatchObject({
			recordsRead: 20,
			events: 17,
			rejected: 3,
			resumeFromRecord: 21,
		});
		expect(summary?.rejections).toEqual(
			bad.map((record) => ({
				record,
				field: 'Email',
				column: 'email',
				reason: expect.stringContaining('not a valid email address'),
			})),
		);
	});

	it('stops at one rejected record more than Max Rejected Records, saying where to resume', async () => {
		const csv = contactsCsv(300, (line, record) =>
			[4, 9, 150].includes(record) ? line.replace('@example.com', '@') : line,
		);
		const { error, items } = await sendFile(fromFile({ maxRejectedRecords: 1 }), csvFile(csv));
		expect(items).toEqual([]);
		expect(error?.message).toBe(
			"More than 1 records failed the checks (Max Rejected Records); the last was record 9: 'Email' is not a valid email address. Set Start at Record to 9 to resume.",
		);
		expect(sorted(arrivedEmails())).toEqual(emails(1, 8).filter((email) => email !== emailOf(4)));
	});

	it('stops at a broken record, naming it and the record to resume from; the records before it are sent', async () => {
		const csv = contactsCsv(250, (line, record) => (record === 207 ? `${line},extra` : line));
		const { error } = await sendFile(fromFile(), csvFile(csv));
		expect(error?.message).toMatch(/^The file is broken: .*[Rr]ecord 207\b/);
		expect(error?.message).toMatch(/Set Start at Record to 207 to resume\.$/);
		expect(sorted(arrivedEmails())).toEqual(emails(1, 206));
	});

	it('sends exactly the records from Start at Record to Stop After Record', async () => {
		const { summary } = await sendFile(
			fromFile({ startAtRecord: 1201, stopAfterRecord: 1450 }),
			csvFile(contactsCsv(2000)),
		);
		expect(sorted(arrivedEmails())).toEqual(emails(1201, 1450));
		expect(summary).toMatchObject({
			startedAtRecord: 1201,
			stopAfterRecord: 1450,
			recordsRead: 250,
			lastAcceptedRecord: 1450,
			resumeFromRecord: 1451,
		});
	});

	it('Dry Run reads and checks the whole file and sends nothing', async () => {
		const csv = contactsCsv(450, (line, record) => (record === 300 ? line.replace('@', '') : line));
		const { summary, error } = await sendFile(
			fromFile({ batchOptions: { dryRun: true } }),
			csvFile(csv),
		);
		expect(error).toBeUndefined();
		expect(sandbox().requests).toEqual([]);
		expect(summary).toMatchObject({
			dryRun: true,
			recordsRead: 450,
			events: 449,
			eventsAccepted: 0,
			batches: 5,
			rejected: 1,
			rejections: [expect.objectContaining({ record: 300, field: 'Email' })],
			resumeFromRecord: 1,
		});
	});

	describe('a batch Mapp answers 500 in the middle of the file', () => {
		// The sandbox picks the faulted request from a seed: the same injector says which one it is.
		// The first seed that puts it between the 6th and the 20th batch of 30.
		const faultedBatch = (seed: number) => {
			const injector = new FaultInjector();
			injector.add({ ...fault(seed) });
			return Array.from({ length: 30 }, () => injector.take('event/batch')).findIndex(Boolean);
		};
		const fault = (seed: number) => ({
			kind: 'status500' as const,
			share: 0.1,
			seed,
			count: 1,
			pathIncludes: 'event/batch',
		});
		const seed = Array.from({ length: 100 }, (_, at) => at + 1).find(
			(each) => faultedBatch(each) >= 5 && faultedBatch(each) < 20,
		) as number;
		const failing = faultedBatch(seed);
		const parameters = fromFile({ batchOptions: { batchSize: 10, concurrency: 1 } });

		it("stops with the record to resume from: the failed batch's first", async () => {
			expect(failing).toBeGreaterThanOrEqual(5);
			sandbox().injectFault(fault(seed));
			const { error } = await sendFile(parameters, csvFile(contactsCsv(300)));
			const first = failing * 10 + 1;
			expect(error?.message).toBe(
				`The batch of records ${first} to ${first + 9} failed: HTTP 500: Internal Server Error. Set Start at Record to ${first} to resume.`,
			);
			expect(error?.description).toContain('Mapp may have recorded this batch all the same');
			expect(sorted(arrivedEmails())).toEqual(emails(1, first - 1));
			const resumed = await sendFile(
				{ ...parameters, startAtRecord: first },
				csvFile(contactsCsv(300)),
			);
			expect(resumed.error).toBeUndefined();
			expect(sorted(arrivedEmails())).toEqual(emails(1, 300));
		});

		it('with Continue On Fail, the summary item carries the error and the resume record', async () => {
			sandbox().injectFault(fault(seed));
			const { summary, items } = await sendFile(parameters, csvFile(contactsCsv(300)), true);
			const first = failing * 10 + 1;
			expect(items).toHaveLength(1);
			expect(summary).toMatchObject({
				batchesFailed: 1,
				batchesOutcomeUnknown: 1,
				lastAcceptedRecord: first - 1,
				resumeFromRecord: first,
				error: expect.stringContaining(`Set Start at Record to ${first} to resume.`),
			});
		});
	});

	it('retries never send an accepted batch twice: every record arrives once under 503s and dropped connections', async () => {
		sandbox().injectFault({ kind: 'status503', share: 0.2, seed: 11, pathIncludes: 'event/batch' });
		sandbox().injectFault({
			kind: 'drop',
			share: 0.2,
			seed: 12,
			when: 'before',
			pathIncludes: 'event/batch',
		});
		const { summary, error } = await sendFile(
			fromFile({ batchOptions: { batchSize: 50, concurrency: 4, maxRetries: 10 } }),
			csvFile(contactsCsv(3000)),
		);
		expect(error).toBeUndefined();
		expect(sandbox().requests.filter(({ fault }) => fault).length).toBeGreaterThan(5);
		expect(arrivedEmails()).toHaveLength(3000);
		expect(sorted(arrivedEmails())).toEqual(emails(1, 3000));
		expect(summary).toMatchObject({ eventsAccepted: 3000, batches: 60, resumeFromRecord: 3001 });
	});

	it('logs progress every N batches and at the end, without secrets or record contents', async () => {
		const { summary } = await sendFile(
			fromFile({ batchOptions: { batchSize: 100, logProgressEvery: 5 } }),
			csvFile(contactsCsv(1200)),
		);
		const progress = log.lines.filter((line) => line.includes('Mapp Connect Send From File'));
		expect(progress).toHaveLength(3); // after 5 and 10 of 12 batches, and at the end
		expect(progress[2]).toMatch(
			/^info: Mapp Connect Send From File done: node "Mapp Connect", file "contacts.csv", 1200 records read, last accepted record 1200, resume from record 1201, \d+ events\/s$/,
		);
		const told = JSON.stringify({ summary, log: log.lines });
		expect(told).not.toContain(sandbox().secret);
		expect(told).not.toMatch(/auth-token|Bearer|eyJ/);
		expect(log.lines.join('\n')).not.toContain('@example.com');
	});

	describe('refused before anything is sent', () => {
		it('a mapping of a column the file lacks, naming the field and the column', async () => {
			const { error } = await sendFile(
				fromFile({ email: '={{ $json.mail }}' }),
				csvFile(contactsCsv(10)),
			);
			expect(error?.message).toBe(
				`'Email' names the column "mail", which the file lacks (the file's columns: email, group, firstName, city, score) [item 0]`,
			);
			expect(sandbox().requests).toEqual([]);
		});

		it('with Continue On Fail, that file gives its summary with the error', async () => {
			const { items, summary } = await sendFile(
				fromFile({ email: '={{ $json.mail }}' }),
				csvFile(contactsCsv(10)),
				true,
			);
			expect(items).toHaveLength(1);
			expect(summary).toMatchObject({
				recordsRead: 0,
				resumeFromRecord: 1,
				error: expect.stringContaining(`'Email' names the column "mail"`),
			});
			expect(sandbox().requests).toEqual([]);
		});

		it('$json in an expression other than a column mapping (n8n cannot evaluate it per record)', async () => {
			const { error } = await sendFile(
				fromFile({ email: '={{ $json.email.toLowerCase() }}' }),
				csvFile(contactsCsv(10)),
			);
			expect(error?.message).toMatch(/^'Email' reads \$json in an expression: .* \[item 0\]$/);
			expect(sandbox().requests).toEqual([]);
		});

		it('an item without the binary field', async () => {
			const result = await run(sandbox(), fromFile(), { items: [{ email: 'a@example.com' }] });
			expect(result.error?.message).toMatch(/binary/i);
			expect(result.error?.message).toMatch(/data/);
			expect(sandbox().requests).toEqual([]);
		});
	});

	it('an expression without $json is evaluated once, for the input item that carries the file', async () => {
		const { error } = await run(
			sandbox(),
			fromFile({ group: { __rl: true, mode: 'id', value: "={{ $('Input').item.json.groupId }}" } }),
			{ items: [{ groupId: '4711' }], files: [csvFile(contactsCsv(3))] },
		);
		expect(error).toBeUndefined();
		expect(sandbox().events.map(({ body }) => body.group)).toEqual(['4711', '4711', '4711']);
	});

	it('gives one summary per input item that carries a file; with Continue On Fail, an item without one is an error item', async () => {
		const result = await run(sandbox(), fromFile(), {
			items: [{}, {}, {}],
			files: [
				csvFile(contactsCsv(30)),
				undefined,
				{ content: contactsCsv(5), fileName: 'more.csv' },
			],
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(
			result.items.map(({ json, pairedItem }) => [pairedItem, json.fileName, json.recordsRead]),
		).toEqual([
			[{ item: 0 }, 'contacts.csv', 30],
			[{ item: 1 }, undefined, undefined],
			[{ item: 2 }, 'more.csv', 5],
		]);
		expect(result.items[1].json.error).toMatch(/binary/i);
		expect(arrivedEmails()).toHaveLength(35);
	});

	it('Whole Record: Fields to Include naming a column the file lacks is refused before anything is sent', async () => {
		const { error } = await sendFile(
			{
				resource: 'batch',
				operation: 'sendFile',
				eventKind: 'userUpsert',
				eventSource: 'wholeRecord',
				fieldsToInclude: 'email, zip',
			},
			csvFile(contactsCsv(10)),
		);
		expect(error?.message).toBe(
			`'Fields to Include' names the column "zip", which the file lacks (the file's columns: email, group, firstName, city, score) [item 0]`,
		);
		expect(sandbox().requests).toEqual([]);
	});

	it('is refused as an AI agent tool, saying why', async () => {
		const result = await run(sandbox(), fromFile(), {
			asTool: true,
			files: [csvFile(contactsCsv(3))],
		});
		expect(result.error?.message).toBe(
			'Batch → Send From File cannot run as an AI agent tool: a tool call carries no file, and sending a whole file is a workflow step. Use it in a workflow, after the node that reads the file.',
		);
		expect(sandbox().requests).toEqual([]);
	});
});
