import { DEFAULT_SUBTYPES } from '../shared/api';
import {
	decimalField,
	eventBody,
	nameValuesField,
	optionsField,
	propertiesOf,
	textField,
	urlField,
} from './fields';
import type { EventKind } from './types';

const sku = textField({
	name: 'productSKU',
	displayName: 'SKU',
	required: true,
	description: 'The product\'s stock keeping unit, its ID in the catalog',
});
const name = textField({ name: 'productName', displayName: 'Name' });
const price = decimalField({ name: 'productPrice', displayName: 'Price', placeholder: 'e.g. 123' });
const url = urlField({
	name: 'productURL',
	displayName: 'URL',
	placeholder: 'e.g. https://shop.example.com/product',
	description: 'Address of the product page',
});

const extraFields = nameValuesField({
	name: 'extraFields',
	displayName: 'Extra Fields',
	itemName: 'Field',
	description: "More catalog fields, by their name in the integration's mapping (e.g. productImageURL)",
});

export const productUpsert: EventKind = {
	id: 'productUpsert',
	displayName: 'Product: Create or Update',
	subtype: DEFAULT_SUBTYPES.product,
	fields: propertiesOf(sku, name, price, url, extraFields, optionsField(DEFAULT_SUBTYPES.product)),
	build: (params) =>
		eventBody(
			params,
			{
				productSKU: sku.read(params),
				productName: name.read(params),
				productPrice: price.read(params),
				productURL: url.read(params),
			},
			{ field: extraFields, values: extraFields.read(params) },
		),
};

export const productDelete: EventKind = {
	id: 'productDelete',
	displayName: 'Product: Delete',
	subtype: DEFAULT_SUBTYPES.product,
	fields: propertiesOf(sku, optionsField(DEFAULT_SUBTYPES.product)),
	build: (params) => eventBody(params, { productSKU: sku.read(params), delete: 'true' }),
};
