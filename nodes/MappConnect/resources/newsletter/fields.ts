/**
 * What both newsletter operations send, as Mapp's shop plugins send newsletter consent: the
 * subscriber's email and the newsletter group (docs/mapp-connect-api.md, "Newsletter").
 */
import { emailField } from '../../fields/text';
import { groupField } from '../commonFields';

export const subscriberEmail = emailField({
	name: 'email',
	displayName: 'Email',
	required: true,
	description: 'Email address of the subscriber',
});

export const newsletterGroup = (description: string) => groupField({ required: true, description });
