import { DEFAULT_SUBTYPES } from '../shared/api';
import { decimalField, emailField, eventBody, optionsField, propertiesOf, textField } from './fields';
import type { EventKind } from './types';

const email = emailField({
	name: 'email',
	displayName: 'Email',
	required: true,
	description: 'Email address of the contact the product is recommended to',
});
const sku = textField({ name: 'sku', displayName: 'SKU', required: true, description: 'SKU of the recommended product' });
const accuracy = decimalField({
	name: 'accuracy',
	displayName: 'Accuracy',
	placeholder: 'e.g. 12',
	description: 'How well the product fits the contact, as your recommendation model rates it',
});
const model = textField({
	name: 'model',
	displayName: 'Model',
	placeholder: 'e.g. 25',
	description: 'The recommendation model that picked the product',
});

export const recommendationUpsert: EventKind = {
	id: 'recommendationUpsert',
	displayName: 'Recommendation: Create or Update',
	subtype: DEFAULT_SUBTYPES.recommendation,
	fields: propertiesOf(email, sku, accuracy, model, optionsField(DEFAULT_SUBTYPES.recommendation)),
	build: (params) =>
		eventBody(params, {
			email: email.read(params),
			sku: sku.read(params),
			accuracy: accuracy.read(params),
			model: model.read(params),
		}),
};

export const recommendationDelete: EventKind = {
	id: 'recommendationDelete',
	displayName: 'Recommendation: Delete',
	subtype: DEFAULT_SUBTYPES.recommendation,
	fields: propertiesOf(email, sku, optionsField(DEFAULT_SUBTYPES.recommendation)),
	build: (params) => eventBody(params, { sku: sku.read(params), email: email.read(params), delete: 'true' }),
};
