import { createRouter } from '../router';
import { handleGetFloorGap, handlePostFloorGap } from './floor-gap.handlers';
import { getFloorGap, postFloorGap } from './floor-gap.routes';

export const floorGapRouter = createRouter()
  .openapi(postFloorGap, handlePostFloorGap)
  .openapi(getFloorGap, handleGetFloorGap);
