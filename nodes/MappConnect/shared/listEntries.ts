/** Mapp's lists (groups, messages, mobile apps) arrive as one flat object, ID → name. */
export interface ListEntry {
	id: string;
	name: string;
}

/** The entries of a flat `{"666":"Newsletter"}` answer, sorted by name (then ID); undefined if the answer is not such an object. */
export function listEntries(body: unknown): ListEntry[] | undefined {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	return Object.entries(body as Record<string, unknown>)
		.map(([id, name]) => ({ id, name: String(name ?? '') }))
		.sort(
			(a, b) =>
				a.name.localeCompare(b.name) || a.id.localeCompare(b.id, undefined, { numeric: true }),
		);
}
