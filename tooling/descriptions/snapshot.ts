/**
 * The descriptions' snapshot: what a saved workflow or credential depends on, for every node version and
 * credential of the package: parameter names, types, defaults, option values, when each shows (displayOptions),
 * the node's credentials and webhooks. Help texts, placeholders and routing are left out: they may change freely.
 * test/descriptions/approved.json holds it as last approved (`npm run snapshot:update`), released.json as the last
 * release had it; test/unit/descriptions.test.ts compares them with the code (compare.ts says how).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
} from 'n8n-workflow';
import { loadPackage } from '../harness/package-types';
import { REPO_ROOT } from '../n8n/paths';

export const APPROVED_FILE = join(REPO_ROOT, 'test', 'descriptions', 'approved.json');
export const RELEASED_FILE = join(REPO_ROOT, 'test', 'descriptions', 'released.json');

export type Conditions = Record<string, unknown[]>;

export interface Parameter {
	name: string;
	displayName: string;
	type: string;
	default?: unknown;
	required?: boolean;
	options?: Array<{ name: string; value: unknown }>;
	modes?: string[];
	typeOptions?: Record<string, unknown>;
	show?: Conditions;
	hide?: Conditions;
	/** A collection's options, or a fixed collection's groups (whose children are their values). */
	children?: Parameter[];
}

export interface NodeVersion {
	group: string[];
	credentials: Array<{ name: string; required?: boolean; show?: Conditions }>;
	webhooks?: Array<{ name: string; httpMethod: string; path: string }>;
	parameters: Parameter[];
}

export interface Snapshot {
	/** Set in released.json only: the package version whose descriptions these are. */
	version?: string;
	nodes: Record<string, { displayName: string; versions: Record<string, NodeVersion> }>;
	credentials: Record<string, { displayName: string; parameters: Parameter[] }>;
}

/** The snapshot of the built package, loaded as n8n loads it (`npm run build` first). */
export async function currentSnapshot(): Promise<Snapshot> {
	const announced = (await loadPackage()).announced();
	const nodes: Snapshot['nodes'] = {};
	for (const node of announced.nodes) {
		const descriptions =
			'nodeVersions' in node
				? Object.values(node.nodeVersions).map(({ description }) => description)
				: [node.description];
		const { name, displayName } = node.description;
		nodes[name] = { displayName, versions: {} };
		for (const description of descriptions) {
			const versions = [description.version].flat();
			for (const version of versions) {
				nodes[name].versions[String(version)] = nodeVersion(description, version);
			}
		}
	}
	const credentials: Snapshot['credentials'] = {};
	for (const credential of announced.credentials) {
		credentials[credential.name] = {
			displayName: credential.displayName,
			parameters: parameters(credential.properties, undefined),
		};
	}
	return { nodes, credentials };
}

function nodeVersion(description: INodeTypeDescription, version: number): NodeVersion {
	return {
		group: description.group,
		credentials: (description.credentials ?? []).map(({ name, required, displayOptions }) =>
			withoutUndefined({ name, required, show: conditions(displayOptions?.show, version) }),
		),
		...(description.webhooks && {
			webhooks: description.webhooks.map(({ name, httpMethod, path }) => ({
				name,
				httpMethod: String(httpMethod),
				path: String(path),
			})),
		}),
		parameters: parameters(description.properties, version),
	};
}

/** n8n's loader adds its own "Request Options" to declarative nodes: n8n keeps them, not this package. */
const LOADER_REQUEST_OPTIONS = 'requestOptions';

/** The parameters shown in one node version (all, for a credential), '@version' conditions resolved. */
function parameters(properties: INodeProperties[], version: number | undefined): Parameter[] {
	return properties
		.filter((property) => property.name !== LOADER_REQUEST_OPTIONS)
		.filter((property) => version === undefined || inVersion(property, version))
		.map((property) => parameter(property, version));
}

function parameter(property: INodeProperties, version: number | undefined): Parameter {
	const { name, displayName, type, required, typeOptions, displayOptions } = property;
	const entry: Parameter = withoutUndefined({
		name,
		displayName,
		type,
		default: property.default,
		required: required || undefined,
		typeOptions: typeOptions as Record<string, unknown> | undefined,
		modes: property.modes?.map((mode) => mode.name),
		show: conditions(displayOptions?.show, version),
		hide: conditions(displayOptions?.hide, version),
	});
	const options = property.options ?? [];
	if (type === 'options' || type === 'multiOptions') {
		entry.options = (options as INodePropertyOptions[]).map(({ name, value }) => ({ name, value }));
	} else if (type === 'collection') {
		entry.children = parameters(options as INodeProperties[], version);
	} else if (type === 'fixedCollection') {
		entry.children = (options as INodePropertyCollection[]).map((group) => ({
			name: group.name,
			displayName: group.displayName,
			type: 'fixedCollectionGroup',
			children: parameters(group.values, version),
		}));
	}
	return entry;
}

/** The conditions of a displayOptions part, '@version' left out: the snapshot is per version already. */
function conditions(
	part: Record<string, unknown[] | undefined> | undefined,
	version: number | undefined,
): Conditions | undefined {
	if (!part) return undefined;
	const entries = Object.entries(part).filter(
		(entry): entry is [string, unknown[]] =>
			entry[1] !== undefined && (version === undefined || entry[0] !== '@version'),
	);
	return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** Whether a property shows in a node version, by its '@version' conditions (plain values or n8n's `_cnd`). */
function inVersion(property: INodeProperties, version: number): boolean {
	const matches = (values: unknown[] | undefined) =>
		values?.some((value) => {
			if (typeof value === 'number') return value === version;
			const condition = (value as { _cnd?: Record<string, number> })._cnd ?? {};
			const [[operator, bound] = ['', Number.NaN]] = Object.entries(condition);
			if (operator === 'gte') return version >= bound;
			if (operator === 'lte') return version <= bound;
			if (operator === 'gt') return version > bound;
			if (operator === 'lt') return version < bound;
			return operator === 'eq' && version === bound;
		});
	const { show, hide } = property.displayOptions ?? {};
	if (show?.['@version'] && !matches(show['@version'])) return false;
	return !(hide?.['@version'] && matches(hide['@version']));
}

function withoutUndefined<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

export function readSnapshot(file: string): Snapshot {
	return JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
}

/**
 * The snapshot as text: containers indented, each parameter on one line (a collection's children on lines of
 * their own), so that a change shows as the lines of the parameters it touches.
 */
export function formatSnapshot(snapshot: Snapshot): string {
	return `${format(snapshot, '')}\n`;
}

function format(value: unknown, indent: string): string {
	const inner = `${indent}\t`;
	if (Array.isArray(value)) {
		if (!value.some(isParameter)) return JSON.stringify(value);
		return `[\n${value.map((entry) => inner + format(entry, inner)).join(',\n')}\n${indent}]`;
	}
	if (isParameter(value)) {
		const { children, ...rest } = value;
		const line = JSON.stringify(rest);
		return children ? `${line.slice(0, -1)},"children":${format(children, indent)}}` : line;
	}
	if (value !== null && typeof value === 'object') {
		const lines = Object.entries(value).map(
			([key, entry]) => `${inner}${JSON.stringify(key)}: ${format(entry, inner)}`,
		);
		return `{\n${lines.join(',\n')}\n${indent}}`;
	}
	return JSON.stringify(value);
}

function isParameter(value: unknown): value is Parameter {
	return value !== null && typeof value === 'object' && 'name' in value && 'type' in value;
}
