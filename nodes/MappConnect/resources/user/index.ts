import { resourceDescription } from '../operations';
import { upsert } from './upsert';
import { removeFromGroup } from './removeFromGroup';
import { unsubscribe } from './unsubscribe';

export const userDescription = resourceDescription('user', 'upsert', [upsert, removeFromGroup, unsubscribe]);
