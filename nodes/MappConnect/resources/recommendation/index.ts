import { resourceDescription } from '../operations';
import { upsert } from './upsert';
import { deleteRecommendation } from './delete';

export const recommendationDescription = resourceDescription('recommendation', 'upsert', [upsert, deleteRecommendation]);
