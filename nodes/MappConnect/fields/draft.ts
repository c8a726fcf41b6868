/**
 * One item's event while its fields write into it. The keys live in a Map until the end, so that
 * a name like `constructor` or `toString` is an ordinary key, never something inherited.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ParameterReader } from './field';
import { invalidField } from './field';

interface Entry {
	value: unknown;
	/** The field that set the key, named when two fields set the same key. */
	label: string;
}

export class EventDraft {
	private readonly own = new Map<string, Entry>();

	private readonly extras = new Map<string, Entry>();

	constructor(private readonly params: ParameterReader) {}

	/** A key the node sets from one of its own fields; an empty value (undefined) sets nothing. */
	set(key: string, value: unknown, label: string): void {
		if (value === undefined) return;
		this.own.set(key, { value, label });
	}

	/**
	 * The user's own name/value pairs (custom attributes, extra fields). A pair may use a name
	 * that one of the node's fields also sets only while that field is empty.
	 */
	extra(values: ReadonlyMap<string, unknown>, label: string): void {
		for (const [key, value] of values) this.extras.set(key, { value, label });
	}

	/**
	 * The event, with the node's keys first (those in `keyOrder` in that order, then the others as
	 * the fields wrote them), then the user's pairs; refuses a key set twice and an empty event.
	 */
	toEvent(keyOrder: readonly string[] = []): IDataObject {
		const rank = (key: string) => {
			const index = keyOrder.indexOf(key);
			return index === -1 ? keyOrder.length : index;
		};
		const event: IDataObject = {};
		const ownKeys = [...this.own.keys()].sort((a, b) => rank(a) - rank(b));
		for (const key of ownKeys) event[key] = this.own.get(key)?.value as IDataObject[string];
		for (const [key, { value, label }] of this.extras) {
			const taken = this.own.get(key);
			if (taken) {
				throw invalidField(
					this.params,
					label,
					`must not set "${key}": '${taken.label}' sets it too`,
					`Leave one of the two empty: '${taken.label}' or the "${key}" entry of '${label}'.`,
				);
			}
			event[key] = value as IDataObject[string];
		}
		if (Object.keys(event).length === 0) {
			throw invalidField(
				this.params,
				'Event',
				'is empty: no field has a value',
				'Mapp ignores an empty event, so none is sent.',
			);
		}
		return event;
	}
}
