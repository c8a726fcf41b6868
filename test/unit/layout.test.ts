/**
 * The repository's layout, as CONTRIBUTING.md describes it: the product (nodes/, credentials/) stands alone and is
 * what n8n loads; tooling/ (sandbox, harness, real-n8n kit, benchmarks, commands) reaches into it only through
 * tooling/product.ts; test/ may use both. No file reaches the product by a side door: the build in dist/ (which
 * the harness loads with n8n's own loader, by package.json), or a module path computed at run time. Each check
 * names the files that break it.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const PRODUCT = ['nodes', 'credentials'];
const PRODUCT_ENTRY = 'tooling/product.ts';
const PACKAGE_NAME = (
	JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }
).name;

/**
 * The files that load a module by a path computed at run time, and what they load: programs installed outside the
 * repository, found where they were installed. Nothing else may (a stale entry fails too).
 */
const COMPUTED_LOADS: Record<string, string> = {
	'tooling/commands/scan.ts': "n8n's community package scanner, installed into .cache/ by the scan",
	'tooling/n8n/session.ts': 'the copy of `flatted` that belongs to the installed real n8n',
};

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

/** Every module specifier of `file` given as a string: the relative ones and the packages'. */
function allSpecifiers(file: string): string[] {
	const text = readFileSync(path.join(ROOT, file), 'utf8');
	const pattern = /(?:\bfrom\s+|\bimport\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
	return [...text.matchAll(pattern)].map((match) => match[1]);
}

/** Whether a specifier of `file` names the package's build: dist/ by a relative path, or by the package's name. */
function namesBuild(file: string, specifier: string): boolean {
	if (specifier === PACKAGE_NAME || specifier.startsWith(`${PACKAGE_NAME}/`)) return true;
	return specifier.startsWith('.') && target(file, specifier).startsWith('dist/');
}

/**
 * The places in `text` that load a module by a path computed at run time: `require(…)` or `import(…)` of anything
 * but a string written out, and every `createRequire(…)` (whose loader takes any path). Comments are left out.
 */
function computedLoads(text: string): string[] {
	const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
	const calls =
		/(?<![.\w])(?:require|import)\s*\(\s*(?!(['"])[^'"$]*\1\s*\))[^)]*\)?|\bcreateRequire\s*\(/g;
	return [...code.matchAll(calls)].map((match) => match[0].trim());
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

	it('has no file that imports the build in dist/ (tests and tooling load the source, or the package as n8n does)', () => {
		const offending = ['nodes', 'credentials', 'tooling', 'test'].flatMap((dir) =>
			sourceFiles(dir).flatMap((file) =>
				allSpecifiers(file)
					.filter((specifier) => namesBuild(file, specifier))
					.map((specifier) => `${file} imports ${specifier}`),
			),
		);
		expect(offending).toEqual([]);
	});

	it('has no module loaded by a computed path, but programs installed outside the repository', () => {
		// This file is left out: it holds examples of what it finds.
		const loading = ['nodes', 'credentials', 'tooling', 'test'].flatMap((dir) =>
			sourceFiles(dir).filter(
				(file) =>
					file !== 'test/unit/layout.test.ts' &&
					computedLoads(readFileSync(path.join(ROOT, file), 'utf8')).length > 0,
			),
		);
		expect(loading.sort()).toEqual(Object.keys(COMPUTED_LOADS).sort());
	});

	it('tells a computed path from a written one', () => {
		const text = [
			"import { a } from './a';",
			"const b = require('./b');",
			'const c = await import(`./${name}`);',
			"const d = require(path.join(root, 'dist', file));",
			'const load = createRequire(__filename);',
			'// require(file) in a comment',
			"const e = await import('e');",
		].join('\n');
		expect(computedLoads(text)).toEqual([
			'import(`./${name}`)',
			"require(path.join(root, 'dist', file)",
			'createRequire(',
		]);
		expect(namesBuild('test/unit/x.test.ts', '../../dist/nodes/MappConnect/delivery/retry')).toBe(
			true,
		);
		expect(namesBuild('tooling/harness/x.ts', `${PACKAGE_NAME}/dist/x`)).toBe(true);
		expect(namesBuild('tooling/harness/x.ts', 'n8n-core/dist/x')).toBe(false);
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
