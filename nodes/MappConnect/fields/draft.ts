/**
 * One item's event while its fields write into it. The keys live in a Map until the end, so that
 * a name like `constructor` or `toString` is an ordinary key, never something inherited.
 */
import type { IDataObject } from 'n8n-workflow';
import type { ItemOf } from './problems';
import { invalidField } from './problems';

interface Entry {
	value: unknown;
	/** The field that set the key, named when two fields set the same key. */
	label: string;
}

export class EventDraft {
	private readonly own = new Map<string, Entry>();

	/** Each set of the user's pairs with its field's label, kept as given (a batch builds many drafts). */
	private readonly extras: Array<{ values: ReadonlyMap<string, unknown>; label: string }> = [];

	constructor(private readonly params: ItemOf) {}

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
		if (values.size > 0) this.extras.push({ values, label });
	}

	/**
	 * The event, with the node's keys first (those in `keyOrder` in that order, then the others as
	 * the fields wrote them), then the user's pairs; refuses a key set twice and an empty event.
	 */
	toEvent(keyOrder: readonly string[] = []): IDataObject {
		const event: IDataObject = {};
		let empty = this.own.size === 0;
		for (const key of keyOrder) {
			const entry = this.own.get(key);
			if (entry) event[key] = entry.value as IDataObject[string];
		}
		// forEach, not for…of: no [key, value] pair is made for each key of each event
		this.own.forEach(({ value }, key) => {
			if (!keyOrder.includes(key)) event[key] = value as IDataObject[string];
		});
		for (const { values, label } of this.extras) {
			for (const key of values.keys()) {
				const value = values.get(key);
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
				empty = false;
			}
		}
		if (empty) {
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
