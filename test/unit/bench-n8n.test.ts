/**
 * The pieces of `npm run bench:n8n` that can be checked without n8n: the Code nodes of its workflows (the contacts
 * they generate, the tokens a user's own signing code computes), the CSV of its file paths, the targets it prints and
 * the CPU profile summary.
 */
import * as crypto from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { runInNewContext } from 'node:vm';
import { contactsCode, eventUrl, signingCode } from '../../tooling/n8n/bench-workflows';
import { summarizeProfile, type CpuProfile } from '../../tooling/bench/cpu-profile-summary';
import { DEMO_INTEGRATION_ID, DEMO_SECRET, verifyToken } from '../../tooling/sandbox';
import { requestHash } from '../../nodes/MappConnect/shared/signing';

import { contacts } from '../../tooling/harness/batch-fixtures';
import { contactRows, writeContactsCsv, type ContactRow } from '../../tooling/n8n/bench-files';
import type { RunFigures } from '../../tooling/n8n/bench-measure';
import { formatFileTargets } from '../../tooling/n8n/bench-report';

const sandbox = {
	baseUrl: 'http://127.0.0.1:5690/charon/api/v1',
	integrationId: DEMO_INTEGRATION_ID,
	secret: DEMO_SECRET,
};

type Items = Array<{ json: Record<string, unknown> }>;

/** Runs a Code node's JavaScript as n8n's "Run Once for All Items" mode does, with `crypto` allowed. */
function runCode(jsCode: string, input: Items = []): Items {
	const context = {
		Buffer,
		$input: { all: () => input },
		require: (name: string) => {
			if (name !== 'crypto') throw new Error(`Cannot find module '${name}'`);
			return crypto;
		},
	};
	return runInNewContext(`(() => {\n${jsCode}\n})()`, context) as Items;
}

describe('the workflows of bench:n8n', () => {
	it('generate the same contacts as the workflow tests', () => {
		const generated = runCode(contactsCode(250)).map((item) => item.json);
		expect(generated).toEqual(contacts(250));
	});

	it('sign each request as Mapp Connect verifies it, over the exact body the HTTP Request node sends', () => {
		const input = runCode(contactsCode(20));
		const signed = runCode(signingCode(sandbox), input);
		const url = new URL(eventUrl(sandbox));
		expect(signed).toHaveLength(20);
		signed.forEach(({ json }, index) => {
			const body = String(json.body);
			const contact = contacts(20)[index];
			expect(JSON.parse(body)).toEqual({ ...contact, score: String(contact.score) });
			const hash = requestHash(url.pathname, body, url.search.slice(1));
			expect(verifyToken(String(json.token), sandbox.secret, hash)).toBeUndefined();
			expect(verifyToken(String(json.token), 'another-secret', hash)).toMatch(/signature/);
		});
	});
});

describe('summarizeProfile', () => {
	// root → runNode (routing-node.js) → resolve (expression.js); root → send (this package); root → (idle)
	const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
	const profile: CpuProfile = {
		nodes: [
			{ id: 1, callFrame: frame('(root)'), children: [2, 4, 5] },
			{
				id: 2,
				callFrame: frame(
					'runNode',
					'file:///x/node_modules/n8n-core/dist/execution-engine/routing-node.js',
				),
				children: [3],
			},
			{
				id: 3,
				callFrame: frame('resolve', 'file:///x/node_modules/n8n-workflow/dist/expression.js'),
			},
			{
				id: 4,
				callFrame: frame(
					'send',
					'file:///u/.n8n/nodes/node_modules/n8n-nodes-mapp-connect/dist/send.js',
				),
			},
			{ id: 5, callFrame: frame('(idle)') },
		],
		startTime: 1_000_000,
		samples: [3, 3, 2, 4, 5, 3],
		timeDeltas: [1000, 1000, 2000, 500, 9000, 1000],
	};

	it('ranks functions by self time, without idle time', () => {
		const summary = summarizeProfile(profile, { top: 2 });
		expect(summary.busyMs).toBeCloseTo(5.5);
		expect(summary.idleMs).toBeCloseTo(9);
		expect(summary.top).toEqual([
			{ name: 'resolve n8n-workflow/dist/expression.js:1', selfMs: 3 },
			{ name: 'runNode n8n-core/dist/execution-engine/routing-node.js:1', selfMs: 2 },
		]);
	});

	it('counts the time under a frame, its callees included', () => {
		const under = summarizeProfile(profile, {
			under: ['routing-node', 'expression', 'mapp-connect'],
		}).under;
		expect(under.map(({ ms }) => ms)).toEqual([5, 3, 0.5]);
	});

	it('counts only the samples within the given time windows', () => {
		// The samples are taken at 1.001, 1.002, 1.004, 1.0045, 1.0135 and 1.0145 s.
		const summary = summarizeProfile(profile, {
			windows: [
				[1_001_500, 1_004_000],
				[1_014_000, 1_015_000],
			],
		});
		expect(summary.top).toEqual([
			{ name: 'resolve n8n-workflow/dist/expression.js:1', selfMs: 2 },
			{ name: 'runNode n8n-core/dist/execution-engine/routing-node.js:1', selfMs: 2 },
		]);
		expect(summary.busyMs).toBe(4);
		expect(summary.idleMs).toBe(0);
	});
});

describe('the file paths of bench:n8n', () => {
	it('write a CSV that a well-kept parser reads back as the generated rows, quoted cells included', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bench-files-'));
		try {
			const path = await writeContactsCsv(dir, 2_000);
			const parsed = parse(readFileSync(path), { columns: true, bom: true }) as ContactRow[];
			expect(parsed).toEqual([...contactRows(2_000)]);
			expect(parsed.some((row) => row.firstName.includes(','))).toBe(true);
			expect(parsed.some((row) => row.firstName.includes('"'))).toBe(true);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	const result = (key: string, items: number, peakMb: number, wallS: number, failure?: string) => ({
		key,
		label: key,
		items,
		figures: {
			...({} as RunFigures),
			peakRssBytes: peakMb * 1024 ** 2,
			wallMs: wallS * 1000,
			failure,
		},
	});

	it("print the file path's targets against its own smaller size and the Extract path", () => {
		const lines = formatFileTargets([
			result('f', 100_000, 900, 12),
			result('g', 100_000, 400, 2),
			result('f', 1_000_000, 3600, 100),
			result('g', 1_000_000, 470, 40),
		])
			.trim()
			.split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(
			/\(g\) peak RSS at 1,000,000 rows +470 MB +target <= 464 MB .* MISSED$/,
		);
		expect(lines[1]).toMatch(/\(g\) peak RSS at 1,000,000 rows +470 MB +target <= 720 MB .* MET$/);
		expect(lines[2]).toMatch(
			/\(g\) wall time at 1,000,000 rows +40.00 s +target <= 33.33 s .* MISSED$/,
		);
	});

	it('say when the Extract path failed at the larger size', () => {
		const text = formatFileTargets([
			result('g', 100_000, 400, 2),
			result('f', 1_000_000, 5000, 180, 'Invalid string length'),
			result('g', 1_000_000, 420, 20),
		]);
		expect(text).toMatch(/\(f\)'s \/ 3\) +MET \(against a failed run\)/);
	});
});
