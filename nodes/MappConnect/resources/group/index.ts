import { resourceDescription } from '../operations';
import { create } from './create';
import { getAll } from './getAll';

export const groupDescription = resourceDescription('group', 'getAll', [create, getAll]);
