import { resourceDescription } from '../operations';
import { add } from './add';

export const couponDescription = resourceDescription('coupon', 'add', [add]);
