/** After each test file: stops the n8n services the workflow harness started, so that Jest can exit. */
import { stopN8nServices } from '../tooling/harness/n8n-services';

afterAll(stopN8nServices);
