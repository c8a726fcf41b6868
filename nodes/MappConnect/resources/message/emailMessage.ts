import { locatorField } from '../../fields/choice';

/** The prepared email message of Send Email and Send Email to Group. */
export const emailMessage = locatorField({
	name: 'messageId',
	displayName: 'Message',
	searchListMethod: 'searchEmailMessages',
	required: true,
	description: 'The prepared email message to send',
});
