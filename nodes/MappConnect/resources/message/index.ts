import { resourceDescription } from '../operations';
import { getAll } from './getAll';
import { getHistory } from './getHistory';
import { sendEmail } from './sendEmail';
import { sendEmailToGroup } from './sendEmailToGroup';
import { sendPush } from './sendPush';
import { sendSms } from './sendSms';

export const messageDescription = resourceDescription('message', 'sendEmail', [
	sendEmail,
	sendEmailToGroup,
	sendSms,
	sendPush,
	getAll,
	getHistory,
]);
