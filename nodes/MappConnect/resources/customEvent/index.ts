import { resourceDescription } from '../operations';
import { send } from './send';

export const customEventDescription = resourceDescription('customEvent', 'send', [send]);
