import type { Resource } from '../resource';
import { add } from './add';

export const coupon: Resource = { value: 'coupon', name: 'Coupon', operations: [add] };
