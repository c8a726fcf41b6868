/**
 * `npm run bench:build`: how long the node takes to read, check and build the events of 10,000 items
 * (User → Create or Update with `npm run bench`'s mapped contacts), without n8n's workflow around it and
 * without sending: the part of Batch's time that is the package's own code. CPU time per run of 10,000
 * items; median and first quartile of 60 runs after a warm-up. It runs the checkout's own code (through
 * tooling/product.ts); to compare two commits, run it in a worktree of each, alternately.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { contacts, userUpsertParameters } from '../harness/batch-fixtures';
import { EVENT_KINDS, eventSending, prepareItems, workflowRun } from '../product';
import { quantile } from './report';

const ITEMS = 10_000;
const RUNS = 60;

/** The first step of a run: every item read, checked and built, as User → Create or Update prepares them. */
function preparing(): () => unknown[] {
	const kind = EVENT_KINDS.find(({ id }) => id === 'userUpsert');
	if (!kind) throw new Error('The node has no event kind "userUpsert"');
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
	} as unknown as IExecuteFunctions;
	return () => {
		const run = workflowRun(context);
		const { prepared } = prepareItems(
			run,
			eventSending(run, () => kind),
		);
		return prepared.map(({ value }) => value.event);
	};
}

function main(): void {
	const prepareAll = preparing();
	const cpuMs: number[] = [];
	prepareAll();
	for (let run = 0; run < RUNS; run++) {
		const started = process.cpuUsage();
		const prepared = prepareAll();
		cpuMs.push(process.cpuUsage(started).user / 1000);
		if (prepared.length !== ITEMS) throw new Error(`${prepared.length} of ${ITEMS} events built`);
	}
	const at = (share: number) => quantile(cpuMs, share).toFixed(1);
	console.log(
		`${ITEMS.toLocaleString('en')} events built and checked in ${at(0.5)} ms of CPU (median of ${RUNS}; first quartile ${at(0.25)} ms)`,
	);
}

main();
