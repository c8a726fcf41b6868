/**
 * The pieces of `npm run bench:n8n` that can be checked without n8n: the Code nodes of its workflows (the contacts
 * they generate, the tokens a user's own signing code computes) and the CPU profile summary.
 */
import * as crypto from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { contactsCode, eventUrl, signingCode } from '../../tooling/n8n/bench-workflows';
import { summarizeProfile, type CpuProfile } from '../../tooling/bench/cpu-profile-summary';
import { DEMO_INTEGRATION_ID, DEMO_SECRET, verifyToken } from '../../tooling/sandbox';
import { requestHash } from '../../nodes/MappConnect/shared/signing';

import { contacts } from '../../tooling/harness/batch-fixtures';

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
