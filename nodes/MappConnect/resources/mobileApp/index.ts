import type { Resource } from '../resource';
import { getAll } from './getAll';

export const mobileApp: Resource = { value: 'mobileApp', name: 'Mobile App', operations: [getAll] };
