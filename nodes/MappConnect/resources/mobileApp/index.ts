import { resourceDescription } from '../operations';
import { getAll } from './getAll';

export const mobileAppDescription = resourceDescription('mobileApp', 'getAll', [getAll]);
