/**
 * The repository's layout, as CONTRIBUTING.md describes it: the product (nodes/, credentials/) stands alone and is
 * what n8n loads; tooling/ (sandbox, harness, real-n8n kit, benchmarks, commands) reaches into it only through
 * tooling/product.ts; test/ may use both. Each check names the files that break it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const PRODUCT = ['nodes', 'credentials'];
const PRODUCT_ENTRY = 'tooling/product.ts';

/** Every .ts and .js file under `dir`, as a path relative to the repository with forward slashes. */
function sourceFiles(dir: string): string[] {
	const found: string[] = [];
	const walk = (relative: string) => {
		for (const name of readdirSync(path.join(ROOT, relative))) {
			const child = `${relative}/${name}`;
			if (statSync(path.join(ROOT, child)).isDirectory()) walk(child);
			else if (/\.(ts|js)$/.test(name)) found.push(child);
		}
	};
	walk(dir);
	return found;
}

/** The relative specifiers of `import … from`, `export … from`, `import '…'`, `import(…)` and `require(…)`. */
function relativeSpecifiers(file: string): string[] {
	const text = readFileSync(path.join(ROOT, file), 'utf8');
	const pattern =
		/(?:\bfrom\s+|\bimport\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;
	return [...text.matchAll(pattern)].map((match) => match[1]);
}

/** The repository path a specifier of `file` names: the file itself where it exists, else the path as written. */
function target(file: string, specifier: string): string {
	const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
	const candidates = [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`];
	return (
		candidates.find(
			(c) => existsSync(path.join(ROOT, c)) && statSync(path.join(ROOT, c)).isFile(),
		) ?? base
	);
}

interface Edge {
	from: string;
	to: string;
}

function edgesOf(dirs: string[]): Edge[] {
	return dirs.flatMap((dir) =>
		sourceFiles(dir).flatMap((from) =>
			relativeSpecifiers(from).map((specifier) => ({ from, to: target(from, specifier) })),
		),
	);
}

const within = (file: string, dirs: string[]) => dirs.some((dir) => file.startsWith(`${dir}/`));
const describeEdges = (edges: Edge[]) => edges.map(({ from, to }) => `${from} imports ${to}`);

/** The cycles a depth-first walk meets (at least one wherever there is any), each once, as `a → b → … → a`. */
function cyclesOf(edges: Edge[]): string[] {
	const next = new Map<string, string[]>();
	for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
	const cycles = new Set<string>();
	const done = new Set<string>();
	const visit = (file: string, trail: string[]) => {
		const at = trail.indexOf(file);
		if (at !== -1) {
			const loop = trail.slice(at);
			// The same cycle entered at another file: start each one at its smallest file.
			const start = loop.indexOf([...loop].sort()[0]);
			const rotated = [...loop.slice(start), ...loop.slice(0, start)];
			cycles.add([...rotated, rotated[0]].join(' → '));
			return;
		}
		if (done.has(file)) return;
		for (const to of next.get(file) ?? []) visit(to, [...trail, file]);
		done.add(file);
	};
	for (const file of next.keys()) visit(file, []);
	return [...cycles].sort();
}

describe('the layout: product, tooling, tests', () => {
	const productEdges = edgesOf(PRODUCT);
	const toolingEdges = edgesOf(['tooling']);

	it('finds the files it checks', () => {
		expect(sourceFiles('nodes').length).toBeGreaterThan(20);
		expect(toolingEdges.some(({ from }) => from === PRODUCT_ENTRY)).toBe(true);
	});

	it('keeps nodes/ and credentials/ from importing tooling/ or test/', () => {
		const offending = productEdges.filter(({ to }) => !within(to, PRODUCT));
		expect(describeEdges(offending)).toEqual([]);
	});

	it('lets tooling/ import the product only through tooling/product.ts', () => {
		const offending = toolingEdges.filter(
			({ from, to }) => within(to, PRODUCT) && from !== PRODUCT_ENTRY,
		);
		expect(describeEdges(offending)).toEqual([]);
	});

	it('keeps tooling/ from importing test/', () => {
		expect(describeEdges(toolingEdges.filter(({ to }) => within(to, ['test'])))).toEqual([]);
	});

	it('has no import cycle among the product files', () => {
		expect(cyclesOf(productEdges)).toEqual([]);
	});

	it('finds a cycle where there is one', () => {
		const edges = [
			{ from: 'b.ts', to: 'c.ts' },
			{ from: 'c.ts', to: 'a.ts' },
			{ from: 'a.ts', to: 'b.ts' },
			{ from: 'a.ts', to: 'd.ts' },
		];
		expect(cyclesOf(edges)).toEqual(['a.ts → b.ts → c.ts → a.ts']);
	});

	it('has no eslint-disable comment in nodes/ or credentials/ (the scanner ignores them)', () => {
		const offending = PRODUCT.flatMap(sourceFiles).filter((file) =>
			/eslint-disable/.test(readFileSync(path.join(ROOT, file), 'utf8')),
		);
		expect(offending).toEqual([]);
	});
});
