import type { Resource } from '../resource';
import { connect } from './connect';
import { getConnection } from './getConnection';
import { ping } from './ping';

export const integration: Resource = {
	value: 'integration',
	name: 'Integration',
	operations: [ping, connect, getConnection],
};
