import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { app } from '../../src/app';
import { BlocTiersRequestSchema } from '../../src/http/bloc-tiers/bloc-tiers.schemas';
import { FloorGapRequestSchema } from '../../src/http/floor-gap/floor-gap.schemas';
import { FloorSweepRequestSchema } from '../../src/http/floor-sweep/floor-sweep.schemas';
import { LandedCostRequestSchema } from '../../src/http/landed-cost/landed-cost.schemas';
import { flatFieldTyping, typedQuery } from '../../src/http/query-doc';
import { problemOf } from '../helpers';

describe('query parameters typed from the JSON request they fill', () => {
  it('a field every object on the way requires is required; an optional parent makes it optional', () => {
    expect(flatFieldTyping(FloorGapRequestSchema, ['/price/amount'])).toEqual({ required: true });
    // floor is optional (a benchmark may stand for it), so its amount is too.
    expect(flatFieldTyping(FloorGapRequestSchema, ['/floor/amount'])).toEqual({ required: false });
  });

  it('an enum field carries its values', () => {
    expect(flatFieldTyping(FloorGapRequestSchema, ['/price/per'])).toEqual({
      enum: ['t', 'kg', 'g', 'lb', 'st', 'ozt'],
      required: true,
    });
    expect(flatFieldTyping(FloorGapRequestSchema, ['/basis'])).toEqual({
      enum: ['duty-paid', 'customs-value'],
      required: false,
    });
  });

  it('a discriminator carries every branch’s literal; a branch-only field is found in its branch', () => {
    expect(flatFieldTyping(FloorGapRequestSchema, ['/method/type'])).toEqual({
      enum: ['full-gap', 'tranche', 'capped', 'all-or-nothing'],
      required: false,
    });
    expect(flatFieldTyping(FloorGapRequestSchema, ['/method/maxRate'])).toEqual({
      required: false,
    });
  });

  it('a request behind a preprocess is read as the schema it feeds (the sweep checks its size first)', () => {
    expect(flatFieldTyping(FloorSweepRequestSchema, ['/per'])).toEqual({
      enum: ['t', 'kg', 'g', 'lb', 'st', 'ozt'],
      required: true,
    });
    expect(flatFieldTyping(FloorSweepRequestSchema, ['/redPrices'])).toEqual({ required: true });
    // incoterm is upper-cased by a preprocess before its enum
    expect(flatFieldTyping(LandedCostRequestSchema, ['/incoterm'])).toEqual({
      enum: ['EXW', 'FCA', 'FOB', 'CFR', 'CPT', 'CIF', 'CIP'],
      required: false,
    });
  });

  it('a boolean field carries true and false (bloc tiers’ asBorderFloor; before: untyped)', () => {
    expect(flatFieldTyping(BlocTiersRequestSchema, ['/asBorderFloor'])).toEqual({
      enum: ['true', 'false'],
      required: false,
    });
  });

  it('a pointer the request does not have is neither typed nor required', () => {
    expect(flatFieldTyping(FloorGapRequestSchema, ['/nothing/here'])).toEqual({ required: false });
  });
});

describe('typedQuery: the document of a flat form', () => {
  it('types each parameter from the field it fills, keeping its description and example', () => {
    const query = z.object({
      price: z.string().optional().openapi({ description: 'Price.', example: '10' }),
      per: z.string().optional().openapi({ description: 'Unit.' }),
      method: z.string().optional(),
      maxRate: z.string().optional(),
    });
    const form = {
      price: ['/price/amount'],
      per: ['/price/per'],
      method: ['/method/type'],
      maxRate: ['/method/maxRate'],
    };
    const app = new OpenAPIHono().openapi(
      createRoute({
        method: 'get',
        path: '/q',
        request: { query: typedQuery(query, form, FloorGapRequestSchema) },
        responses: { 200: { description: 'ok' } },
      }),
      (c) => c.text('ok'),
    );
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
    });
    const parameters = document.paths?.['/q']?.get?.parameters as {
      name: string;
      required: boolean;
      description?: string;
      schema: { enum?: string[]; example?: string };
    }[];
    const byName = Object.fromEntries(parameters.map((p) => [p.name, p]));
    expect(byName.price).toMatchObject({ required: true, description: 'Price.' });
    expect(byName.price?.schema.example).toBe('10');
    expect(byName.per).toMatchObject({ required: true, description: 'Unit.' });
    expect(byName.per?.schema.enum).toEqual(['t', 'kg', 'g', 'lb', 'st', 'ozt']);
    expect(byName.method).toMatchObject({ required: false });
    expect(byName.method?.schema.enum).toEqual(['full-gap', 'tranche', 'capped', 'all-or-nothing']);
    expect(byName.maxRate).toMatchObject({ required: false });
    expect(byName.maxRate?.schema.enum).toBeUndefined();
  });
});

describe('the GET forms of the calculators, as served', () => {
  type Parameter = {
    name: string;
    required?: boolean;
    schema: { example?: string; enum?: string[] };
  };

  async function getForms() {
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: Parameter[] }; post?: object }>;
    };
    return Object.entries(document.paths)
      .filter(([, item]) => item.post && item.get)
      .map(([path, item]) => ({
        path,
        required: (item.get?.parameters ?? []).filter((p) => p.required),
      }));
  }

  /** The parameters a query without `left` lacks, by the "is required" problems it earns. */
  async function missing(path: string, given: Parameter[]) {
    const query = new URLSearchParams(
      given.map((p) => [p.name, p.schema.example ?? p.schema.enum?.[0] ?? '1']),
    );
    const response = await app.request(`${path}?${query}`);
    if (response.status === 200) return [];
    const problem = await problemOf(response, 422);
    return (problem.errors ?? []).filter((e) => e.detail === 'is required').map((e) => e.parameter);
  }

  it('leaving out a documented required parameter is refused naming it', async () => {
    const forms = await getForms();
    expect(forms.filter((f) => f.required.length > 0).length).toBeGreaterThanOrEqual(4);
    for (const { path, required } of forms) {
      for (const left of required) {
        const given = required.filter((p) => p !== left);
        expect(await missing(path, given), `${path} without ${left.name}`).toContain(left.name);
      }
    }
  });

  it('with the documented required parameters, no other parameter is required', async () => {
    for (const { path, required } of await getForms()) {
      expect(await missing(path, required), path).toEqual([]);
    }
  });
});
