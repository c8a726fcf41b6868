import type { Resource } from '../resource';
import { create } from './create';
import { getAll } from './getAll';

export const group: Resource = { value: 'group', name: 'Group', operations: [getAll, create] };
