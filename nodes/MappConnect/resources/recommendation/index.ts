import type { Resource } from '../resource';
import { deleteRecommendation } from './delete';
import { upsert } from './upsert';

export const recommendation: Resource = {
	value: 'recommendation',
	name: 'Recommendation',
	operations: [upsert, deleteRecommendation],
};
