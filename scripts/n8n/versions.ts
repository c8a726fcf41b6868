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
 * The newest n8n 2.x that installs here, run on Node 24 (it needs >= 24). Every later release depends on
 * @confluentinc/kafka-javascript (through n8n-nodes-base), whose install downloads a prebuilt binary or else builds
 * from sources that its npm package lacks; 2.41.3 also misses @n8n/agents@0.26.2 in this registry.
 */
export const NEWEST: N8nTarget = { n8n: '2.33.7', node: '24.21.0' };

export const TESTED_TARGETS: N8nTarget[] = [STABLE, NEWEST];

/** Only in the registry as 0.18.5; n8n pins a version that is not published there. */
export const N8N_OVERRIDES = { xlsx: '0.18.5' };
