import type { IDataObject } from 'n8n-workflow';
import { DEFAULT_SUBTYPES } from '../shared/api';
import {
	emailField,
	eventBody,
	invalidField,
	locatorField,
	nameValuesField,
	optionsField,
	phoneField,
	propertiesOf,
	textField,
} from './fields';
import type { EventKind } from './types';

const messageParameters = nameValuesField({
	name: 'messageParameters',
	displayName: 'Message Parameters',
	itemName: 'Parameter',
	description: 'Values for the placeholders of the prepared message',
});

const recipientEmail = emailField({
	name: 'email',
	displayName: 'Email',
	required: true,
	description: 'Email address of the contact to send the message to',
});

const emailMessage = locatorField({
	name: 'messageId',
	displayName: 'Message',
	searchListMethod: 'searchEmailMessages',
	required: true,
	description: 'The prepared email message to send',
});

const externalTransactionFormula = textField({
	name: 'externalTransactionFormula',
	displayName: 'External Transaction Formula',
	description: 'A unique value of your own that Mapp stores with the sendout, e.g. an order number',
});

const sendEmailOptions = optionsField(DEFAULT_SUBTYPES.email, [externalTransactionFormula]);

export const messageSendEmail: EventKind = {
	id: 'messageSendEmail',
	displayName: 'Message: Send Email',
	subtype: DEFAULT_SUBTYPES.email,
	fields: propertiesOf(emailMessage, recipientEmail, messageParameters, sendEmailOptions),
	build(params) {
		const options = sendEmailOptions.read(params);
		return eventBody(
			params,
			{
				email: recipientEmail.read(params),
				messageId: emailMessage.read(params),
				externalTransactionFormula: externalTransactionFormula.read(options),
			},
			{ field: messageParameters, values: messageParameters.read(params) },
		);
	},
};

const recipientGroup = locatorField({
	name: 'group',
	displayName: 'Group',
	searchListMethod: 'searchGroups',
	required: true,
	description: 'The group whose members receive the message',
});

export const messageSendEmailToGroup: EventKind = {
	id: 'messageSendEmailToGroup',
	displayName: 'Message: Send Email to Group',
	subtype: DEFAULT_SUBTYPES.email,
	fields: propertiesOf(emailMessage, recipientGroup, optionsField(DEFAULT_SUBTYPES.email)),
	build: (params) => eventBody(params, { group: recipientGroup.read(params), messageId: emailMessage.read(params) }),
};

const smsMessage = locatorField({
	name: 'messageId',
	displayName: 'Message',
	searchListMethod: 'searchSmsMessages',
	required: true,
	description: 'The prepared SMS message to send',
});

/** The SMS recipient: Mapp takes `email`, `recipientMobileNumber` or `recipientId`. */
const SMS_RECIPIENTS = [
	{ value: 'email', field: emailField({ name: 'email', displayName: 'Email', required: true }) },
	{
		value: 'recipientMobileNumber',
		field: phoneField({ name: 'recipientMobileNumber', displayName: 'Mobile Number', required: true }),
	},
	{ value: 'recipientId', field: textField({ name: 'recipientId', displayName: 'Recipient ID', required: true }) },
] as const;

const smsOptions = optionsField(DEFAULT_SUBTYPES.sms);

export const messageSendSms: EventKind = {
	id: 'messageSendSms',
	displayName: 'Message: Send SMS',
	subtype: DEFAULT_SUBTYPES.sms,
	fields: [
		...smsMessage.properties,
		{
			displayName: 'Identify Recipient By',
			name: 'recipientType',
			type: 'options',
			default: 'recipientMobileNumber',
			options: SMS_RECIPIENTS.map(({ value, field }) => ({ name: field.label, value })).sort((a, b) =>
				a.name.localeCompare(b.name),
			),
		},
		...SMS_RECIPIENTS.flatMap(({ value, field }) =>
			field.properties.map((property) => ({ ...property, displayOptions: { show: { recipientType: [value] } } })),
		),
		...messageParameters.properties,
		...smsOptions.properties,
	],
	build(params) {
		const type = params.get<string>('recipientType', 'recipientMobileNumber');
		const recipient = SMS_RECIPIENTS.find(({ value }) => value === type);
		if (!recipient) throw invalidField(params, 'Identify Recipient By', `has an unknown value "${type}"`);
		const own: IDataObject = { [recipient.value]: recipient.field.read(params), messageId: smsMessage.read(params) };
		return eventBody(params, own, { field: messageParameters, values: messageParameters.read(params) });
	},
};

const pushMessage = locatorField({
	name: 'pushMessageId',
	displayName: 'Push Message',
	searchListMethod: 'searchPushMessages',
	required: true,
	description: 'The prepared push message (the template, not the campaign) to send',
});

const mobileApp = locatorField({
	name: 'mobileAppId',
	displayName: 'Mobile App',
	searchListMethod: 'searchMobileApps',
	required: true,
	description: 'The app that shows the push message',
});

const pushRecipientEmail = emailField({
	name: 'email',
	displayName: 'Email',
	required: true,
	description: 'Email address of the contact whose devices receive the message',
});

export const messageSendPush: EventKind = {
	id: 'messageSendPush',
	displayName: 'Message: Send Push',
	subtype: DEFAULT_SUBTYPES.push,
	fields: propertiesOf(pushMessage, mobileApp, pushRecipientEmail, messageParameters, optionsField(DEFAULT_SUBTYPES.push)),
	build: (params) =>
		eventBody(
			params,
			{
				email: pushRecipientEmail.read(params),
				pushMessageId: pushMessage.read(params),
				mobileAppId: mobileApp.read(params),
			},
			{ field: messageParameters, values: messageParameters.read(params) },
		),
};
