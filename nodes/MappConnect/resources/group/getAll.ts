import { API_PATHS } from '../../shared/api';
import { getManyOperation } from '../readOutput';

export const getAll = getManyOperation({
	action: 'Get many groups',
	description: 'Get many groups',
	path: API_PATHS.groups,
});
