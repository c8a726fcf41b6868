import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MappConnectApi } from '../../credentials/MappConnectApi.credentials';
import { MappConnectCallbackAuthApi } from '../../credentials/MappConnectCallbackAuthApi.credentials';

const ROOT = path.join(__dirname, '..', '..');

function read(file: string): string {
	return readFileSync(path.join(ROOT, file), 'utf8');
}

interface Codex {
	categories: string[];
	resources: Record<string, Array<{ url: string }>>;
}

const CODEX_FILES = [
	'nodes/MappConnect/MappConnect.node.json',
	'nodes/MappConnectTrigger/MappConnectTrigger.node.json',
	'nodes/MappConnectFeedbackTrigger/MappConnectFeedbackTrigger.node.json',
];

/** The categories of n8n's nodes panel (n8n's docs, "Node codex files"); the panel files a node under no other. */
const N8N_CATEGORIES = [
	'Analytics',
	'Communication',
	'Data & Storage',
	'Development',
	'Finance & Accounting',
	'Marketing & Content',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

function codex(file: string): Codex {
	return JSON.parse(read(file)) as Codex;
}

/** Every link n8n shows as the nodes' or credentials' documentation. */
function documentationUrls(): string[] {
	return [
		...CODEX_FILES.flatMap((file) =>
			Object.values(codex(file).resources).flatMap((links) => links.map(({ url }) => url)),
		),
		new MappConnectApi().documentationUrl,
		new MappConnectCallbackAuthApi().documentationUrl,
	];
}

/** GitHub's anchor of a README heading: lower case, punctuation dropped, spaces as dashes. */
function anchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
}

function readmeAnchors(): Set<string> {
	const headings = read('README.md')
		.split('\n')
		.filter((line) => /^#{2,3} /.test(line))
		.map((line) => anchor(line.replace(/^#+ /, '')));
	return new Set(['readme', ...headings]);
}

describe('the documentation links n8n shows', () => {
	it('point at a section of the README that package.json names as the homepage', () => {
		const homepage = new URL((JSON.parse(read('package.json')) as { homepage: string }).homepage);
		const anchors = readmeAnchors();
		const broken = documentationUrls().filter((link) => {
			const url = new URL(link);
			const samePage = url.origin + url.pathname === homepage.origin + homepage.pathname;
			return !samePage || !anchors.has(url.hash.slice(1));
		});
		expect(broken).toEqual([]);
	});
});

describe('the codex files', () => {
	it('file both nodes under a category of n8n’s nodes panel', () => {
		for (const file of CODEX_FILES) {
			const { categories } = codex(file);
			expect(categories.length).toBeGreaterThan(0);
			expect(categories.filter((category) => !N8N_CATEGORIES.includes(category))).toEqual([]);
		}
	});
});
