import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MappConnect } from '../../nodes/MappConnect/MappConnect.node';

/** `Resource | Operation` of every row of the README's operations table. */
function readmeOperations(): string[] {
	const readme = readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
	const table = readme.split('## Operations')[1].split('\n## ')[0];
	return table
		.split('\n')
		.filter(
			(line) =>
				line.startsWith('| ') && !line.startsWith('| Resource') && !line.startsWith('| ---'),
		)
		.map((line) => line.split('|').map((cell) => cell.trim()))
		.map(([, resource, operation]) => `${resource} | ${operation}`);
}

function nodeOperations(): string[] {
	const { properties } = new MappConnect().description;
	const resources = properties.find((property) => property.name === 'resource')?.options ?? [];
	return resources.flatMap((resource) => {
		if (!('value' in resource)) return [];
		return properties
			.filter((property) => property.name === 'operation')
			.filter((property) =>
				(property.displayOptions?.show?.resource ?? []).includes(resource.value),
			)
			.flatMap((property) => property.options ?? [])
			.map((operation) => `${resource.name} | ${operation.name}`);
	});
}

describe('the README', () => {
	it('lists every resource and operation of the node, and no other', () => {
		expect([...readmeOperations()].sort()).toEqual([...nodeOperations()].sort());
	});

	it('stays under 25 KB, with every section a user looks for', () => {
		const readme = readFileSync(README, 'utf8');
		expect(Buffer.byteLength(readme)).toBeLessThan(25_000);
		const headings = readme.match(/^## .+$/gm) ?? [];
		for (const section of USER_SECTIONS) expect(headings).toContain(`## ${section}`);
	});
});

const ROOT = path.join(__dirname, '..', '..');
const README = path.join(ROOT, 'README.md');
const USER_SECTIONS = [
	'Install',
	'Credentials',
	'Operations',
	'Batch',
	'Mapp Connect Trigger',
	'Use as an AI agent tool',
	'Compatibility',
	'Troubleshooting',
];
