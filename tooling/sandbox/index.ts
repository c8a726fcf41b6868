export { startSandbox, SANDBOX_BASE_PATH, DEMO_INTEGRATION_ID, DEMO_SECRET } from './server';
export type * from './types';
export { verifyToken } from './verifyToken';
