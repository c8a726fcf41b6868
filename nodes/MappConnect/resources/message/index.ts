import type { Resource } from '../resource';
import { getAll } from './getAll';
import { getHistory } from './getHistory';
import { sendEmail } from './sendEmail';
import { sendEmailToGroup } from './sendEmailToGroup';
import { sendPush } from './sendPush';
import { sendSms } from './sendSms';

export const message: Resource = {
	value: 'message',
	name: 'Message',
	operations: [sendEmail, sendEmailToGroup, sendSms, sendPush, getAll, getHistory],
};
