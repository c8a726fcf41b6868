import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CREDENTIAL_TYPE } from '../product';
import { PACKAGE_NAME, REPO_ROOT } from './paths';

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The credential every example workflow refers to; the tooling imports it with the sandbox's details. */
export const SANDBOX_CREDENTIAL = {
	id: 'mappConnectSbx01',
	name: 'Mapp Connect (sandbox)',
	type: CREDENTIAL_TYPE,
};

/** The workflow `npm run demo` runs. */
export const MAIN_EXAMPLE_FILE = '1-contacts-welcome-email.json';

export interface ExampleWorkflow {
	file: string;
	path: string;
	id: string;
	name: string;
	/** The names of its nodes of this package. */
	packageNodes: string[];
}

export function exampleWorkflows(): ExampleWorkflow[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const path = join(EXAMPLES_DIR, file);
			const { id, name, nodes } = JSON.parse(readFileSync(path, 'utf8')) as {
				id: string;
				name: string;
				nodes: Array<{ name: string; type: string }>;
			};
			const packageNodes = nodes
				.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`))
				.map((node) => node.name);
			return { file, path, id, name, packageNodes };
		});
}
