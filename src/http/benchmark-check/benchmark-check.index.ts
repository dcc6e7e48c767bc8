import { createRouter } from '../router';
import { handleGetBenchmarkCheck, handlePostBenchmarkCheck } from './benchmark-check.handlers';
import { getBenchmarkCheck, postBenchmarkCheck } from './benchmark-check.routes';

export const benchmarkCheckRouter = createRouter()
  .openapi(postBenchmarkCheck, handlePostBenchmarkCheck)
  .openapi(getBenchmarkCheck, handleGetBenchmarkCheck);
