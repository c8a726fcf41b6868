/**
 * Two snapshots compared, parameter by parameter: what changed (for the CHANGELOG), and what would break a saved
 * workflow or credential of a released node version: a parameter removed, renamed, or shown in fewer cases; its
 * type, its default (n8n saves only values that differ from it), its list-ness changed; an option value or a
 * resource locator mode removed; a parameter newly required; a credential, webhook or node version gone.
 */
import type { Conditions, NodeVersion, Parameter, Snapshot } from './snapshot';

/** A parameter with its path (`options.dryRun`) and the conditions of it and its parents, merged. */
interface Row {
	path: string;
	top: Parameter;
	parameter: Omit<Parameter, 'children'>;
	show: Conditions;
	hide: Conditions;
}

interface Owner {
	parameters: Parameter[];
	node?: NodeVersion;
	/** What a CHANGELOG line about the owner as a whole would name. */
	names: string[];
}

/**
 * The parameters of a snapshot, by owner: a node version by its type name (`mappConnect v1`; two node types may
 * share a display name), a credential by its name (`mappConnectApi credential`).
 */
function owners(snapshot: Snapshot): Map<string, Owner> {
	const result = new Map<string, Owner>();
	for (const [type, { displayName, versions }] of Object.entries(snapshot.nodes)) {
		for (const [version, node] of Object.entries(versions)) {
			const names = [displayName, `version ${version}`];
			result.set(`${type} v${version}`, { parameters: node.parameters, node, names });
		}
	}
	for (const [name, { displayName, parameters }] of Object.entries(snapshot.credentials)) {
		result.set(`${name} credential`, { parameters, names: [displayName] });
	}
	return result;
}

function rows(parameters: Parameter[], parent?: Row): Row[] {
	return parameters.flatMap((parameter) => {
		const { children, ...rest } = parameter;
		const row: Row = {
			path: parent ? `${parent.path}.${parameter.name}` : parameter.name,
			top: parent?.top ?? parameter,
			parameter: rest,
			show: merged(parent?.show ?? {}, parameter.show ?? {}, (a, b) => a.filter((v) => has(b, v))),
			hide: merged(parent?.hide ?? {}, parameter.hide ?? {}, (a, b) => [...a, ...b]),
		};
		return [row, ...rows(children ?? [], row)];
	});
}

function merged(a: Conditions, b: Conditions, both: (x: unknown[], y: unknown[]) => unknown[]) {
	const result: Conditions = { ...a };
	for (const [key, values] of Object.entries(b))
		result[key] = key in a ? both(a[key], values) : values;
	return result;
}

/** Equal as JSON, whatever the order of keys (and whichever realm made the objects, as under jest). */
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const canonical = (value: unknown): string =>
	JSON.stringify(value, (_, entry: unknown) =>
		entry !== null && typeof entry === 'object' && !Array.isArray(entry)
			? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b)))
			: entry,
	);
const has = (values: unknown[], value: unknown) => values.some((v) => same(v, value));
const subset = (a: unknown[], b: unknown[]) => a.every((value) => has(b, value));

/** A row split into one per resource and operation it shows for, so that widening or splitting it is no loss. */
function perOperation(row: Row): Row[] {
	const { resource = [undefined], operation = [undefined] } = row.show;
	return resource.flatMap((r) =>
		operation.map((o) => ({
			...row,
			show: {
				...row.show,
				...(r !== undefined && { resource: [r] }),
				...(o !== undefined && { operation: [o] }),
			},
		})),
	);
}

/** Whether `after` shows in every case `before` shows. */
function covers(after: Row, before: Row): boolean {
	const shows = Object.entries(after.show).every(
		([key, values]) => key in before.show && subset(before.show[key], values),
	);
	const hidesNoMore = Object.entries(after.hide).every(
		([key, values]) =>
			(key in before.hide && subset(values, before.hide[key])) ||
			(key in before.show && !before.show[key].some((value) => has(values, value))),
	);
	return shows && hidesNoMore;
}

/** Why a saved value of `before` would not work with `after`, or undefined. */
function incompatibility(before: Row, after: Row): string | undefined {
	const [b, a] = [before.parameter, after.parameter];
	if (a.type !== b.type) return `its type changed from ${b.type} to ${a.type}`;
	if (!same(a.default, b.default)) {
		return `its default changed from ${JSON.stringify(b.default)} to ${JSON.stringify(a.default)}`;
	}
	const gone = (b.options ?? []).filter(
		({ value }) => !(a.options ?? []).some((o) => o.value === value),
	);
	if (gone.length > 0)
		return `option values were removed: ${gone.map(({ value }) => value).join(', ')}`;
	const modes = (b.modes ?? []).filter((mode) => !(a.modes ?? []).includes(mode));
	if (modes.length > 0) return `modes were removed: ${modes.join(', ')}`;
	if (Boolean(a.typeOptions?.multipleValues) !== Boolean(b.typeOptions?.multipleValues)) {
		return 'it changed between one value and a list';
	}
	if (a.required && !b.required) return 'it is now required';
	return undefined;
}

const where = (row: Row) => {
	const { resource, operation } = row.show;
	return resource ? ` (${resource.join('/')}${operation ? ` → ${operation.join('/')}` : ''})` : '';
};

/** What in `after` would break a saved workflow or credential made with `before`. */
export function breakingChanges(before: Snapshot, after: Snapshot): string[] {
	const afterOwners = owners(after);
	return [...owners(before)].flatMap(([owner, { parameters, node }]) => {
		const next = afterOwners.get(owner);
		if (!next) return [`${owner} is gone`];
		const nextRows = rows(next.parameters);
		const problems = rows(parameters)
			.flatMap(perOperation)
			.flatMap((row) => {
				const candidates = nextRows.filter((n) => n.path === row.path && covers(n, row));
				if (candidates.length === 0) {
					return [
						`${owner}: "${row.path}"${where(row)} was removed, renamed or shows in fewer cases`,
					];
				}
				const reasons = candidates.map((candidate) => incompatibility(row, candidate));
				return reasons.includes(undefined)
					? []
					: [`${owner}: "${row.path}"${where(row)}: ${reasons[0]}`];
			});
		return [...problems, ...nodeChanges(owner, node, next.node)];
	});
}

function nodeChanges(owner: string, before?: NodeVersion, after?: NodeVersion): string[] {
	if (!before || !after) return [];
	const credentials = before.credentials
		.filter(({ name }) => !after.credentials.some((credential) => credential.name === name))
		.map(({ name }) => `${owner}: its credential ${name} is gone`);
	const webhooks = (before.webhooks ?? [])
		.filter((webhook) => !(after.webhooks ?? []).some((w) => same(w, webhook)))
		.map(
			({ name }) =>
				`${owner}: its webhook "${name}" changed its method or path (the URLs users set up)`,
		);
	return [...credentials, ...webhooks];
}

/**
 * What changed between two snapshots, each as the words a CHANGELOG line about it would use (any one will do):
 * the resources a changed parameter shows for, else the names of the options added or removed, else the
 * parameter's own name; for a node version or credential added or removed, the owner's name.
 */
export function changes(
	before: Snapshot,
	after: Snapshot,
): Array<{ change: string; words: string[] }> {
	const [beforeOwners, afterOwners] = [owners(before), owners(after)];
	const result: Array<{ change: string; words: string[] }> = [];
	for (const owner of new Set([...beforeOwners.keys(), ...afterOwners.keys()])) {
		const [b, a] = [beforeOwners.get(owner), afterOwners.get(owner)];
		if (!b || !a) {
			const type = owner.split(' ')[0];
			const typeExisted = [...beforeOwners.keys()].some((key) => key.startsWith(`${type} `));
			const typeExists = [...afterOwners.keys()].some((key) => key.startsWith(`${type} `));
			const { names } = (a ?? b)!;
			result.push({
				change: `${owner} ${b ? 'removed' : 'added'}`,
				// A version added to a node, or a whole node or credential added or removed.
				words: typeExisted && typeExists ? names.slice(-1) : names.slice(0, 1),
			});
			continue;
		}
		if (!same({ ...b.node, parameters: [] }, { ...a.node, parameters: [] })) {
			result.push({
				change: `${owner}: credentials, webhooks or group`,
				words: a.names.slice(0, 1),
			});
		}
		const resourceNames = new Map(
			[...rows(b.parameters), ...rows(a.parameters)]
				.filter(({ path }) => path === 'resource')
				.flatMap(({ parameter }) => parameter.options ?? [])
				.map(({ name, value }) => [value, name]),
		);
		const key = (row: Row) => JSON.stringify([row.path, row.show, row.hide, row.parameter]);
		const [bRows, aRows] = [rows(b.parameters), rows(a.parameters)];
		const [bKeys, aKeys] = [new Set(bRows.map(key)), new Set(aRows.map(key))];
		const changed = [
			...bRows.filter((row) => !aKeys.has(key(row))),
			...aRows.filter((row) => !bKeys.has(key(row))),
		];
		const seen = new Set<string>();
		for (const row of changed) {
			const counterpart = [...bRows, ...aRows].find((r) => r.path === row.path && r !== row);
			const values = (r?: Row) => (r?.parameter.options ?? []).map(({ value }) => value);
			const optionNames = [
				...(row.parameter.options ?? []),
				...(counterpart?.parameter.options ?? []),
			]
				.filter(({ value }) => !has(values(row), value) || !has(values(counterpart), value))
				.map(({ name }) => name);
			const resources = (row.show.resource ?? []).map((value) => String(resourceNames.get(value)));
			const words =
				resources.length > 0
					? resources
					: optionNames.length > 0
						? optionNames
						: [row.top.displayName];
			const once = JSON.stringify([owner, row.path, words]);
			if (seen.has(once)) continue;
			seen.add(once);
			result.push({ change: `${owner}: "${row.path}"${where(row)}`, words });
		}
	}
	return result;
}

/** The text of CHANGELOG.md's section whose heading says "Unreleased", or undefined. */
export function unreleasedSection(changelog: string): string | undefined {
	const sections = changelog.split(/^(?=## )/m);
	return sections.find((section) => /^## .*unreleased/i.test(section));
}
