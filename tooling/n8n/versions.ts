/**
 * The real n8n versions the package is tested against, pinned in this one place.
 * `node: null` runs n8n on this machine's Node; a version runs it on that Node from the npm package `node`.
 */
export interface N8nTarget {
	n8n: string;
	node: string | null;
}

/** The version `npm run demo` and `npm run dev` use: it runs on the machine's Node 20. */
export const STABLE: N8nTarget = { n8n: '2.8.4', node: null };

/**
 * The newest n8n 2.x that installs from this registry; it needs Node >= 22.22 and runs here on Node 24. Of the later
 * releases, most depend (through n8n-nodes-base) on @confluentinc/kafka-javascript, whose install script downloads
 * a prebuilt binary or else builds from sources its npm package lacks; the others (2.34.x, 2.36.7, 2.36.9, 2.37.7,
 * 2.38.0, 2.38.1, 2.39.8, 2.40.0, 2.41.3) depend on versions of n8n's own packages that the registry lacks.
 */
export const NEWEST: N8nTarget = { n8n: '2.33.7', node: '24.21.0' };

/**
 * The oldest n8n release the whole e2e run passes on, on the machine's Node 20. 1.109.0 does not install here (the
 * registry lacks @n8n/ai-workflow-builder@0.19.0). 1.101.1 to 1.105.4 run everything but the node as an AI tool: they
 * give a declarative node that has `methods` (list searches, a credential test) no `execute`, so its tool sends
 * nothing and answers null. 1.100.1 and older lack `sleepWithAbort` in n8n-workflow, which Batch → Send waits with.
 */
export const OLDEST: N8nTarget = { n8n: '1.110.1', node: null };

export const TESTED_TARGETS: N8nTarget[] = [OLDEST, STABLE, NEWEST];

/** Only in the registry as 0.18.5; n8n pins a version that is not published there. */
export const N8N_OVERRIDES = { xlsx: '0.18.5' };

/**
 * The versions `npm run test:e2e` runs on: all tested ones, or those `N8N_VERSIONS=1.101.1,2.8.4` lists. A listed
 * version outside the matrix (to try another release) runs on the machine's Node; the run installs it first.
 */
export function selectedTargets(): N8nTarget[] {
	const selected = process.env.N8N_VERSIONS?.split(',').map((version) => version.trim());
	if (!selected) return TESTED_TARGETS;
	return selected.map(
		(n8n) => TESTED_TARGETS.find((target) => target.n8n === n8n) ?? { n8n, node: null },
	);
}
