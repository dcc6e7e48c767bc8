import { createRouter } from '../router';
import {
  handleGetLandedCost,
  handlePostLandedCost,
  handlePostLandedCostBatch,
} from './landed-cost.handlers';
import { getLandedCost, postLandedCost, postLandedCostBatch } from './landed-cost.routes';

export const landedCostRouter = createRouter()
  .openapi(postLandedCost, handlePostLandedCost)
  .openapi(getLandedCost, handleGetLandedCost)
  .openapi(postLandedCostBatch, handlePostLandedCostBatch);
