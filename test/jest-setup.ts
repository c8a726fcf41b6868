import { stopN8nServices } from './n8n-services';

afterAll(stopN8nServices);
