/** The table and ratios `npm run bench:n8n` prints. */
import type { RunFigures } from './bench-measure';

export interface PathResult {
	key: string;
	label: string;
	items: number;
	figures: RunFigures;
}

/** What issue 13 promises, printed beside the figures; a missed target does not fail the run. */
const TARGETS = {
	singleVsHttp: 1,
	httpVsBatch: 50,
	largeVsBatch: 10,
	largePeakRssBytes: 1024 ** 3,
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2)} MB`;
const count = (n: number) => n.toLocaleString('en');

const COLUMNS: Array<{ title: string; width: number; value: (result: PathResult) => string }> = [
	{ title: 'path', width: -38, value: ({ key, label }) => `(${key}) ${label}` },
	{ title: 'items', width: 9, value: ({ items }) => count(items) },
	{
		title: 'node time',
		width: 15,
		value: ({ figures: f }) =>
			f.failure
				? 'FAILED'
				: f.nodeMsEach.length > 1
					? `${f.nodeMsEach.map((ms) => (ms / 1000).toFixed(2)).join(' + ')} s`
					: seconds(f.nodeMs),
	},
	{ title: 'wall', width: 9, value: ({ figures }) => seconds(figures.wallMs) },
	{ title: 'requests', width: 8, value: ({ figures }) => count(figures.requests) },
	{ title: 'accepted', width: 9, value: ({ figures }) => count(figures.accepted) },
	{ title: 'n8n CPU', width: 8, value: ({ figures }) => seconds(figures.n8nCpuMs) },
	{
		title: 'sandbox',
		width: 7,
		value: ({ figures }) => `${Math.round((100 * figures.sandboxCpuMs) / figures.wallMs)} %`,
	},
	{ title: 'peak RSS', width: 9, value: ({ figures }) => mb(figures.peakRssBytes) },
	{ title: 'main', width: 7, value: ({ figures }) => mb(figures.mainPeakRssBytes) },
	{ title: 'in node', width: 8, value: ({ figures }) => `+${mb(figures.nodeRssGrowthBytes)}` },
	{
		title: 'saved data',
		width: 10,
		value: ({ figures }) => `${(figures.savedDataChars / 1e6).toFixed(1)} M`,
	},
];

const LEGEND = [
	"node time: the nodes' executionTime in n8n's execution data (Code node + HTTP Request for (a)); wall: from the REST",
	'call starting the run until n8n lists it finished; n8n CPU: n8n and its task runner; sandbox: CPU share of this',
	'process (the sandbox, the sampling, the polling) over the wall time; peak RSS: n8n and its task runner, main: n8n',
	'alone; in node: growth of the peak RSS while the timed nodes ran; saved data: millions of characters of the run',
	"data n8n saved, one string (n8n fails a run whose data exceeds V8's 536.9 M). Medians of the runs, each in a",
	'fresh n8n (--quick: all runs in one n8n).',
];

const pad = (text: string, width: number) =>
	width < 0 ? text.padEnd(-width) : text.padStart(width);

export function formatRows(results: PathResult[]): string {
	const line = (cells: string[]) =>
		cells.map((cell, index) => pad(cell, COLUMNS[index].width)).join('  ');
	return [
		line(COLUMNS.map((column) => column.title)),
		...results.map((result) => line(COLUMNS.map((column) => column.value(result)))),
	].join('\n');
}

export function formatRatios(results: PathResult[], sandboxPerSecond: number): string {
	const byKey = (key: string) => results.find((result) => result.key === key);
	const lines = ['', ...LEGEND, ''];
	const check = (
		a: string,
		b: string,
		what: string,
		target: string,
		met: (ratio: number) => boolean,
	) => {
		const [first, second] = [byKey(a), byKey(b)];
		if (!first || !second) return;
		const ratio = first.figures.nodeMs / second.figures.nodeMs;
		const name = `(${a})/(${b}) ${what}`;
		lines.push(
			`${name.padEnd(58)} ${ratio.toFixed(1).padStart(7)}x  target ${target}  ${met(ratio) ? 'met' : 'MISSED'}`,
		);
	};
	// On a busy machine n8n gets a varying share of a CPU, so the node times of two paths measured minutes apart
	// compare less well than the CPU n8n used for the whole run: for paths that send the same requests, it says more.
	const cpuRatio = (a: string, b: string, what: string) => {
		const [first, second] = [byKey(a), byKey(b)];
		if (!first || !second) return;
		const ratio = first.figures.n8nCpuMs / second.figures.n8nCpuMs;
		lines.push(`${`(${a})/(${b}) ${what}`.padEnd(58)} ${ratio.toFixed(1).padStart(7)}x`);
	};
	check(
		'b',
		'a',
		'single operation vs HTTP Request path, node time',
		`<= ${TARGETS.singleVsHttp}x`,
		(r) => r <= TARGETS.singleVsHttp,
	);
	cpuRatio('b', 'a', 'single operation vs HTTP Request path, n8n CPU');
	check(
		'a',
		'c',
		'HTTP Request path vs Batch, node time',
		`>= ${TARGETS.httpVsBatch}x`,
		(r) => r >= TARGETS.httpVsBatch,
	);
	for (const key of ['d', 'e']) {
		const [large, batch] = [byKey(key), byKey('c')];
		if (!large || !batch) continue;
		const what = `${count(large.items)} vs ${count(batch.items)} items, node time`;
		check(key, 'c', what, `<= ${TARGETS.largeVsBatch}x`, (r) => r <= TARGETS.largeVsBatch);
	}
	const perBatch = byKey('e');
	if (perBatch) {
		const peak = perBatch.figures.peakRssBytes;
		const met = peak < TARGETS.largePeakRssBytes ? 'met' : 'MISSED';
		lines.push(
			`${'(e) n8n peak RSS'.padEnd(58)} ${mb(peak).padStart(8)}  target < ${mb(TARGETS.largePeakRssBytes)}  ${met}`,
		);
	}
	const all = results.map(({ figures }) => figures);
	const share = Math.max(...all.map((f) => (100 * f.sandboxCpuMs) / f.wallMs));
	const rate = Math.max(...all.map((f) => f.requests / (f.wallMs / 1000)));
	lines.push(
		'',
		`sandbox: at most ${Math.round(share)} % of a CPU during a run; it answers ${Math.round(sandboxPerSecond)} single-event requests/s to a`,
		`plain client in its own process (a lower bound); n8n sent at most ${Math.round(rate)} requests/s`,
	);
	return lines.join('\n');
}

/** The runs that failed (a file path at a size it does not survive), with n8n's error and where it raised it. */
export function formatFailures(results: PathResult[]): string {
	return results
		.filter(({ figures }) => figures.failure)
		.map(({ key, items, figures }) => `(${key}) at ${count(items)} rows: ${figures.failure}\n`)
		.join('');
}

/** What issue 24 promises for the file path (g) against its own smaller size and the Extract From File path (f). */
const FILE_TARGETS = {
	rssAboveSmallBytes: 64 * 1024 ** 2,
	rssShareOfExtract: 1 / 5,
	wallShareOfExtract: 1 / 3,
};

export function formatFileTargets(results: PathResult[]): string {
	const at = (key: string, items: number) =>
		results.find((result) => result.key === key && result.items === items);
	const sizes = [...new Set(results.map(({ items }) => items))].sort((a, b) => a - b);
	const [small, large] = [sizes[0], sizes[sizes.length - 1]];
	const [file, fileSmall, extract] = [at('g', large), at('g', small), at('f', large)];
	if (!file || sizes.length < 2) return '';
	const rss = (result: PathResult) => result.figures.peakRssBytes;
	const wall = (result: PathResult) => result.figures.wallMs;
	const checks = [
		fileSmall && {
			what: 'peak RSS',
			value: rss,
			format: mb,
			limit: rss(fileSmall) + FILE_TARGETS.rssAboveSmallBytes,
			against: `(g) at ${count(small)} + 64 MB`,
			of: fileSmall,
		},
		extract && {
			what: 'peak RSS',
			value: rss,
			format: mb,
			limit: rss(extract) * FILE_TARGETS.rssShareOfExtract,
			against: "(f)'s / 5",
			of: extract,
		},
		extract && {
			what: 'wall time',
			value: wall,
			format: seconds,
			limit: wall(extract) * FILE_TARGETS.wallShareOfExtract,
			against: "(f)'s / 3",
			of: extract,
		},
	];
	const lines = [''];
	for (const check of checks) {
		if (!check) continue;
		const { format } = check;
		const met = check.value(file) <= check.limit ? 'MET' : 'MISSED';
		const note = check.of.figures.failure ? ' (against a failed run)' : '';
		lines.push(
			`${`(g) ${check.what} at ${count(large)} rows`.padEnd(58)} ${format(check.value(file)).padStart(9)}  target <= ${format(check.limit)} (${check.against})  ${met}${note}`,
		);
	}
	return lines.join('\n');
}
