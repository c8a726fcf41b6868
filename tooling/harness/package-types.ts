import 'reflect-metadata';
import path from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';
import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { inputNodeType, INPUT_NODE_TYPE } from './input-node';
import type { RunSettings } from '../product';

const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

export interface LoadedPackage {
	packageName: string;
	nodeTypes: INodeTypes;
	credentialType(name: string): ICredentialType;
	/** The package's own node types (the harness's input node left out). */
	packageNodeTypes(): INodeType[];
	/** The package's node type name as a workflow names it, e.g. `n8n-nodes-mapp-connect.mappConnect`. */
	typeName(nodeName: string): string;
	/**
	 * The node types, the package's made anew with these settings (shorter retry waits, say), as the
	 * node's constructor takes them; n8n itself creates them without.
	 */
	nodeTypesWith(settings: RunSettings): INodeTypes;
	/** Every node type (a versioned one with all its versions) and credential type the package announces. */
	announced(): { nodes: Array<INodeType | IVersionedNodeType>; credentials: ICredentialType[] };
}

let loading: Promise<LoadedPackage> | undefined;

/**
 * Loads the built package the way n8n loads a community package: from the `n8n` section of
 * package.json, the compiled files in dist/, with n8n's own loader (which also adds the
 * "Request Options" of declarative nodes). `npm run build` must have run.
 */
export function loadPackage(): Promise<LoadedPackage> {
	loading ??= load();
	return loading;
}

async function load(): Promise<LoadedPackage> {
	const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
	await loader.loadAll();
	const { packageName } = loader;
	const byType = new Map<string, INodeType | IVersionedNodeType>([
		[INPUT_NODE_TYPE, inputNodeType],
	]);
	for (const [name, data] of Object.entries(loader.nodeTypes)) {
		byType.set(`${packageName}.${name}`, data.type);
	}

	const nodeTypes = nodeTypesOf(byType);

	return {
		packageName,
		nodeTypes,
		credentialType(name) {
			const data = loader.credentialTypes[name];
			if (!data) throw new Error(`The package has no credential type "${name}"`);
			return data.type;
		},
		typeName: (nodeName) => `${packageName}.${nodeName}`,
		announced: () => ({
			nodes: Object.values(loader.nodeTypes).map(({ type }) => type),
			credentials: Object.values(loader.credentialTypes).map(({ type }) => type),
		}),
		nodeTypesWith: (settings) =>
			nodeTypesOf(
				new Map([...byType].map(([type, nodeType]) => [type, madeWith(nodeType, settings)])),
			),
		packageNodeTypes: () =>
			Object.keys(loader.nodeTypes).map(
				(name) => nodeTypes.getByNameAndVersion(`${packageName}.${name}`) as INodeType,
			),
	};
}

function nodeTypesOf(byType: Map<string, INodeType | IVersionedNodeType>): INodeTypes {
	return {
		getByName(type) {
			const nodeType = byType.get(type);
			if (!nodeType) throw new Error(`The harness has no node type "${type}"`);
			return nodeType;
		},
		getByNameAndVersion(type, version) {
			return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
		},
		getKnownTypes() {
			return {};
		},
	};
}

/**
 * The node type's class, constructed with the settings, and given the Request Options as n8n's loader
 * gives a declarative node. A node that takes no settings ignores them.
 */
function madeWith(
	nodeType: INodeType | IVersionedNodeType,
	settings: RunSettings,
): INodeType | IVersionedNodeType {
	if (nodeType === inputNodeType) return nodeType;
	const NodeClass = nodeType.constructor as new (settings: RunSettings) => INodeType;
	const made = new NodeClass(settings);
	PackageDirectoryLoader.applyDeclarativeNodeOptionParameters(made);
	return made;
}
