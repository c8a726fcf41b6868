/**
 * The descriptions of every node version and credential, pinned (tooling/descriptions/snapshot.ts says what is in
 * the snapshot): the built package must match test/descriptions/approved.json, must keep what saved workflows of
 * the released versions use (released.json), and CHANGELOG.md's Unreleased section must name what changed since.
 * Loads the package from dist/: `npm test` builds first.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { breakingChanges, changes, unreleasedSection } from '../../tooling/descriptions/compare';
import type { Snapshot } from '../../tooling/descriptions/snapshot';
import {
	APPROVED_FILE,
	RELEASED_FILE,
	currentSnapshot,
	readSnapshot,
} from '../../tooling/descriptions/snapshot';

const CHANGELOG = path.join(__dirname, '..', '..', 'CHANGELOG.md');

/** Fails with one line per problem and what to do, instead of a diff of two 100 KB objects. */
function expectNone(problems: string[], advice: string): void {
	if (problems.length > 0) throw new Error(`${advice}\n${[...new Set(problems)].join('\n')}`);
}

describe('the descriptions of the nodes and credentials', () => {
	let current: Snapshot;
	beforeAll(async () => {
		current = await currentSnapshot();
	});

	it('match the approved snapshot', () => {
		const approved = readSnapshot(APPROVED_FILE);
		expectNone(
			changes(approved, current).map(({ change }) => change),
			'The descriptions differ from test/descriptions/approved.json: run `npm run snapshot:update`, review its diff, and add a line to CHANGELOG.md under Unreleased. Changed:',
		);
		expect(current).toEqual(approved);
	});

	it('keep what saved workflows and credentials of the released version use', () => {
		const released = readSnapshot(RELEASED_FILE);
		expectNone(
			breakingChanges(released, current),
			`This would break saved workflows of version ${released.version}: keep the released node version as it was, and add a new node version for the change.`,
		);
	});

	it("are named in CHANGELOG.md's Unreleased section where they changed since the release", () => {
		const released = readSnapshot(RELEASED_FILE);
		const changed = changes(released, readSnapshot(APPROVED_FILE));
		const unreleased = (unreleasedSection(readFileSync(CHANGELOG, 'utf8')) ?? '').toLowerCase();
		expectNone(
			changed
				.filter(({ words }) => !words.some((word) => unreleased.includes(word.toLowerCase())))
				.map(({ change, words }) => `${change}: name ${words.join(' or ')}`),
			`The descriptions changed since version ${released.version}: say so in CHANGELOG.md under Unreleased.`,
		);
	});
});

/** The released snapshot with one change made by `edit`, to check the rules on. */
function edited(edit: (snapshot: Snapshot) => void): Snapshot {
	const copy = structuredClone(readSnapshot(RELEASED_FILE));
	edit(copy);
	return copy;
}

const mappConnect = (snapshot: Snapshot) => snapshot.nodes.mappConnect.versions['1'].parameters;
const userUpsert = (snapshot: Snapshot, name: string) =>
	mappConnect(snapshot).find(
		(p) =>
			p.name === name && p.show?.resource?.[0] === 'user' && p.show.operation?.[0] === 'upsert',
	)!;

describe('the rules for a saved workflow', () => {
	const released = readSnapshot(RELEASED_FILE);

	it('refuse a removed option value, a changed default, a renamed or narrowed parameter', () => {
		const lessOperations = edited((s) => {
			const operation = mappConnect(s).find((p) => p.name === 'operation')!;
			operation.options = operation.options!.filter(({ value }) => value !== 'upsert');
		});
		expect(breakingChanges(released, lessOperations)).toEqual([
			'mappConnect v1: "operation" (user): option values were removed: upsert',
		]);
		const otherDefault = edited((s) => {
			userUpsert(s, 'identifierType').default = 'userId';
		});
		expect(breakingChanges(released, otherDefault)).toEqual([
			'mappConnect v1: "identifierType" (user → upsert): its default changed from "email" to "userId"',
		]);
		const renamed = edited((s) => {
			userUpsert(s, 'customAttributesJson').name = 'attributesJson';
		});
		expect(breakingChanges(released, renamed)).toEqual([
			'mappConnect v1: "customAttributesJson" (user → upsert) was removed, renamed or shows in fewer cases',
		]);
		const credentialGone = edited((s) => {
			delete s.credentials.mappConnectCallbackAuthApi;
		});
		expect(breakingChanges(released, credentialGone)).toEqual([
			'mappConnectCallbackAuthApi credential is gone',
		]);
	});

	it('let a parameter show in more cases, and let parameters, options and node versions be added', () => {
		const widened = edited((s) => {
			userUpsert(s, 'customAttributesJson').show!.operation!.push('unsubscribe');
			const resource = mappConnect(s).find((p) => p.name === 'resource')!;
			resource.options!.push({ name: 'Newsletter', value: 'newsletter' });
			s.nodes.mappConnect.versions['2'] = structuredClone(s.nodes.mappConnect.versions['1']);
			s.nodes.mappConnectPoller = { displayName: 'Mapp Connect Poller', versions: {} };
			s.nodes.mappConnectPoller.versions['1'] = structuredClone(s.nodes.mappConnect.versions['1']);
		});
		expect(breakingChanges(released, widened)).toEqual([]);
		expect(changes(released, widened).map(({ words }) => words)).toEqual([
			['Newsletter'],
			['User'],
			['version 2'],
			['Mapp Connect Poller'],
		]);
	});
});
