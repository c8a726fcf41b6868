/**
 * `npm run bench:build`: how long the node takes to read, check and build the events of 10,000 items
 * (Batch → Send's User → Create or Update with `npm run bench`'s mapped contacts), without n8n's
 * workflow around it and without sending: the part of Batch's time that is the package's own code.
 * CPU time per run of 10,000 items; median and first quartile of 60 runs after a warm-up.
 *
 *   npm run bench:build                          the current build (dist/)
 *   npm run bench:build -- <dist> [<dist> ...]   A/B: several builds, run alternately in one process; keep
 *                                                a copy of dist/ built at another commit in
 *                                                node_modules/.cache/bench-build/<name>, where it finds
 *                                                n8n-workflow and neither git nor the lint sees it
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';
import { contacts, userUpsertParameters } from '../harness/batch-fixtures';
import { quantile } from './report';

const ITEMS = 10_000;
const RUNS = 60;

type Build = () => unknown[];

/** Loads a compiled module of a build chosen at run time. */
const loadCompiled = createRequire(__filename);

/**
 * The build's first step of a run, loaded from a compiled dist/ folder: every item read, checked and
 * built, as User → Create or Update prepares them. Builds before the one delivery (18fde17 and
 * older) prepare through `delivery/run.js`; later ones through `delivery/deliver.js`.
 */
function loadBuild(dist: string): Build {
	const fileOf = (file: string) => path.resolve(dist, 'nodes/MappConnect', file);
	const load = (file: string) => loadCompiled(fileOf(file));
	const { EVENT_KINDS } = load('resources/index.js');
	const kind = (EVENT_KINDS as Array<{ id: string }>).find(({ id }) => id === 'userUpsert');
	const items = contacts(ITEMS).map((json) => ({ json: json as unknown as IDataObject }));
	const node = { name: 'Mapp Connect', parameters: userUpsertParameters };
	// Every parameter of the fixture is a value or a {{ $json.x }} mapping: the node never asks n8n.
	const context = {
		getNode: () => node,
		getTimezone: () => 'UTC',
		getInputData: () => items,
		getNodeParameter: (name: string) => {
			throw new Error(`the node asked n8n for "${name}"`);
		},
		continueOnFail: () => false,
	};
	if (existsSync(fileOf('delivery/deliver.js'))) {
		const { prepareItems } = load('delivery/deliver.js');
		const { workflowRun } = load('delivery/run.js');
		const { eventSending } = load('events/send.js');
		return () => {
			const run = workflowRun(context);
			const { prepared } = prepareItems(
				run,
				eventSending(run, () => kind),
			);
			return prepared.map(({ value }: { value: { event: unknown } }) => value.event);
		};
	}
	const { buildEvent } = load('events/kind.js');
	const before = load('delivery/run.js');
	return () =>
		before
			.prepareItems(context, (params: unknown) => buildEvent(kind, params).event)
			.prepared.map(({ value }: { value: unknown }) => value);
}

function main(): void {
	const dists = process.argv.slice(2);
	if (dists.length === 0) dists.push('dist');
	const builds = dists.map(loadBuild);
	const firsts = builds.map((build) => JSON.stringify(build().slice(0, 3)));
	if (new Set(firsts).size > 1)
		throw new Error(`The builds make different events:\n${firsts.join('\n')}`);
	const cpuMs: number[][] = builds.map(() => []);
	for (let run = 0; run < RUNS; run++) {
		builds.forEach((build, index) => {
			const started = process.cpuUsage();
			const prepared = build();
			cpuMs[index].push(process.cpuUsage(started).user / 1000);
			if (prepared.length !== ITEMS) throw new Error(`${prepared.length} of ${ITEMS} events built`);
		});
	}
	for (const [index, dist] of dists.entries()) {
		const at = (share: number) => quantile(cpuMs[index], share).toFixed(1);
		console.log(
			`${dist}: ${ITEMS.toLocaleString('en')} events built and checked in ${at(0.5)} ms of CPU (median of ${RUNS}; first quartile ${at(0.25)} ms)`,
		);
	}
}

main();
