import type { IDataObject, INodeProperties, NodeOperationError } from 'n8n-workflow';
import type { Field, ParameterReader } from '../../fields/field';
import { converted, invalidField } from '../../fields/problems';
import {
	isDecimalNumber,
	isEmpty,
	parseArray,
	parseObject,
	toMappString,
	toMappStrings,
	withoutEmpty,
} from '../../fields/values';

/** Order items of a transaction: entered one by one, or as a JSON array of objects. */
export function orderItemsField(): Field<IDataObject[] | undefined> {
	const label = 'Items';
	const jsonLabel = 'Items (JSON)';
	const properties: INodeProperties[] = [
		{
			displayName: 'Specify Items',
			name: 'itemsInput',
			type: 'options',
			default: 'fields',
			options: [
				{ name: 'Using Fields Below', value: 'fields' },
				{ name: 'Using JSON', value: 'json' },
			],
		},
		{
			displayName: label,
			name: 'items',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Item',
			default: {},
			description: 'The ordered products',
			displayOptions: { show: { itemsInput: ['fields'] } },
			options: [
				{
					displayName: 'Item',
					name: 'item',
					values: [
						{
							displayName: 'Extra Fields (JSON)',
							name: 'extraFields',
							type: 'json',
							default: '{}',
							description: 'More fields of the item as a JSON object, e.g. {"size": "M"}',
						},
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{
							displayName: 'Price',
							name: 'price',
							type: 'string',
							default: '',
							placeholder: 'e.g. 15',
						},
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'string',
							default: '',
							placeholder: 'e.g. 1',
						},
						{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: jsonLabel,
			name: 'itemsJson',
			type: 'json',
			default: '[]',
			description:
				'The ordered products as a JSON array, e.g. [{"sku": "JB-129", "name": "George-H", "price": "15", "qty_ordered": "1"}]',
			displayOptions: { show: { itemsInput: ['json'] } },
		},
	];

	/** One item as Mapp expects it; `problem` reports what is wrong with it. */
	const orderItem = (
		own: IDataObject,
		extra: IDataObject,
		problem: (text: string) => NodeOperationError,
	) => {
		if (isEmpty(own.sku)) throw problem('has no SKU');
		for (const key of ['price', 'qty_ordered'] as const) {
			if (own[key] !== undefined && !isDecimalNumber(String(own[key])))
				throw problem(`has a "${key}" that is not a number`);
		}
		for (const key of Object.keys(extra))
			if (Object.hasOwn(own, key)) throw problem(`sets "${key}" twice`);
		return { ...withoutEmpty(own), ...extra };
	};

	const readJsonItems = (params: ParameterReader): IDataObject[] => {
		const raw = params.get<unknown>('itemsJson', '');
		if (isEmpty(raw)) return [];
		return converted(params, jsonLabel, () => parseArray(raw)).map((entry, position) => {
			const prefix = `entry ${position + 1} `;
			const values = converted(params, jsonLabel, () => toMappStrings(parseObject(entry)), prefix);
			const { sku, price, qty_ordered, ...extra } = values;
			return orderItem({ sku, price, qty_ordered }, extra, (text) =>
				invalidField(params, jsonLabel, prefix + text),
			);
		});
	};

	const readFieldItems = (params: ParameterReader): IDataObject[] => {
		const entries = params.get<{ item?: IDataObject[] }>('items', {}).item ?? [];
		return entries.map((entry, position) => {
			const prefix = `entry ${position + 1} `;
			const own = converted(
				params,
				label,
				() => ({
					sku: toMappString(entry.sku, 'SKU'),
					name: toMappString(entry.name, 'Name'),
					price: toMappString(entry.price, 'Price'),
					qty_ordered: toMappString(entry.quantity, 'Quantity'),
				}),
				prefix,
			);
			const extra = isEmpty(entry.extraFields)
				? {}
				: converted(
						params,
						label,
						() => toMappStrings(parseObject(entry.extraFields)),
						`entry ${position + 1}: Extra Fields (JSON) `,
					);
			return orderItem(own, extra, (text) => invalidField(params, label, prefix + text));
		});
	};

	const read = (params: ParameterReader) => {
		const items =
			params.get<string>('itemsInput', 'fields') === 'json'
				? readJsonItems(params)
				: readFieldItems(params);
		return items.length > 0 ? items : undefined;
	};
	return {
		label,
		properties,
		read,
		write: (params, draft) => draft.set('items', read(params), label),
	};
}
