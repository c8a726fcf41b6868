import { API_PATHS } from '../../shared/api';
import { getManyOperation } from '../readOutput';

export const getAll = getManyOperation({
	action: 'Get many mobile apps',
	description: 'Get many mobile apps',
	path: API_PATHS.mobileApps,
});
