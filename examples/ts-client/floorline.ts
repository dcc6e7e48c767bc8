import createClient from 'openapi-fetch';
import type { components, paths } from './floorline-api';

/**
 * A typed Floorline client: paths, bodies, query parameters and answers come from the API's
 * OpenAPI document (`npm run client:generate` writes ./floorline-api.d.ts from
 * openapi/openapi.json), so a misspelt field or a wrong unit is a compile error.
 */
export function floorlineClient(options: {
  baseUrl: string;
  apiKey?: string;
  fetch?: (request: Request) => Promise<Response>;
}) {
  return createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.apiKey === undefined
      ? {}
      : { headers: { authorization: `Bearer ${options.apiKey}` } }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
}

export type FloorlineClient = ReturnType<typeof floorlineClient>;
export type Unit = components['schemas']['Unit'];

/** The floor-gap duty on an import priced at `price` under a floor of `floor`, both per `per`. */
export async function floorGapDuty(
  client: FloorlineClient,
  price: string,
  floor: string,
  per: Unit,
): Promise<components['schemas']['FloorGapResponse']> {
  const { data, error } = await client.POST('/v1/floor-gap', {
    body: { price: { amount: price, per }, floor: { amount: floor, per } },
  });
  if (error !== undefined) {
    const fields = (error.errors ?? []).map((e) => `${e.pointer} ${e.detail}`).join('; ');
    throw new Error(`${error.detail}${fields === '' ? '' : ` (${fields})`}`);
  }
  return data;
}
