import { createRouter } from '../router';
import {
  handleGetBlocTiers,
  handleGetBlocTiersSvg,
  handlePostBlocTiers,
} from './bloc-tiers.handlers';
import { getBlocTiers, getBlocTiersSvg, postBlocTiers } from './bloc-tiers.routes';

export const blocTiersRouter = createRouter()
  .openapi(postBlocTiers, handlePostBlocTiers)
  .openapi(getBlocTiers, handleGetBlocTiers)
  .openapi(getBlocTiersSvg, handleGetBlocTiersSvg);
