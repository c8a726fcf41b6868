/**
 * `npm run demo`: builds and packs the package, installs it into a real n8n as a community package, runs the main
 * example workflow against the sandbox with `n8n execute`, prints what happened, and stops everything it started.
 */
import type { RecordedEvent } from '../sandbox';
import { MAIN_EXAMPLE_FILE, exampleWorkflows } from '../n8n/examples';
import type { Execution } from '../n8n/execution';
import { StepError } from '../n8n/log';
import { runScript } from '../n8n/script';
import { N8nSession } from '../n8n/session';
import { STABLE } from '../n8n/versions';

const PREVIEW_CHARS = 90;

async function main(): Promise<void> {
	const session = await N8nSession.open(STABLE);
	let succeeded = false;
	try {
		const examples = exampleWorkflows();
		const example = examples.find((workflow) => workflow.file === MAIN_EXAMPLE_FILE);
		if (!example) throw new StepError(`examples/${MAIN_EXAMPLE_FILE} is missing`);
		await session.importWorkflows(examples);
		const execution = await session.execute(example.id);
		const events = await session.sandboxEvents();
		console.log(summary(session.n8nVersion, example.name, execution, events));
		if (execution.status !== 'success')
			throw new StepError(`the workflow ended with status ${execution.status}: ${execution.error}`);
		succeeded = true;
	} finally {
		await session.close(!succeeded);
		if (!succeeded)
			console.error(`[n8n] n8n's data and log (n8n.log) are kept in ${session.userFolder}`);
	}
}

function summary(
	n8nVersion: string,
	workflowName: string,
	execution: Execution,
	events: RecordedEvent[],
): string {
	const counted = execution.nodes.map((run) => ({
		...run,
		counts:
			run.outputs
				.map((items) => `${items.length} item${items.length === 1 ? '' : 's'}`)
				.join(' | ') || 'no output',
	}));
	const nameWidth = Math.max(...counted.map(({ node }) => node.length));
	const countWidth = Math.max(...counted.map(({ counts }) => counts.length));
	const nodeLines = counted.map(({ node, status, counts, outputs, error }) => {
		const detail = error ?? (outputs[0]?.[0] ? preview(outputs[0][0]) : '');
		return `  ${node.padEnd(nameWidth)}  ${status.padEnd(7)}  ${counts.padEnd(countWidth)}  ${detail}`;
	});
	const bySubtype = new Map<string, RecordedEvent[]>();
	for (const event of events)
		bySubtype.set(event.subtype, [...(bySubtype.get(event.subtype) ?? []), event]);
	const eventLines = [...bySubtype].map(([subtype, received]) => {
		const requests = new Set(received.map((event) => event.requestSeq)).size;
		const via = received.some((event) => event.batch) ? 'event/batch' : 'event';
		return `  ${subtype.padEnd(14)} ${String(received.length).padStart(3)} event(s) in ${requests} request(s) to ${via}, e.g. ${preview(received[0].body)}`;
	});
	return [
		'',
		`Mapp Connect demo: "${workflowName}" on n8n ${n8nVersion}, status ${execution.status}`,
		'',
		'What n8n reported, node by node:',
		...nodeLines,
		'',
		`What the sandbox received (${events.length} events):`,
		...(eventLines.length ? eventLines : ['  nothing']),
		'',
	].join('\n');
}

function preview(value: unknown): string {
	const text = JSON.stringify(value);
	return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

runScript(main);
