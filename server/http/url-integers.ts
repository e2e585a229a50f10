import type { FastifyInstance, FastifyRequest } from 'fastify';
import { invalid } from '../errors.ts';

/** An integer as a URL must write it: plain decimal, no sign but minus, no leading zero, no space. */
const DECIMAL = /^(0|-?[1-9]\d*)$/;

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; items?: JsonSchema; properties?: Record<string, JsonSchema> };

function isInteger(schema: JsonSchema): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('integer')) return true;
  if (schema.items && isInteger(schema.items)) return true;
  return (schema.anyOf ?? []).some(isInteger);
}

const integerKeys = (schema: unknown) =>
  Object.entries((schema as JsonSchema | undefined)?.properties ?? {})
    .filter(([, property]) => isInteger(property))
    .map(([key]) => key);

/**
 * Ajv's type coercion reads "0x10" as 16 and " 1" as 1, so `/api/orders/0x10` would open order 16. Before it
 * coerces, every path parameter and query field the route's schema declares an integer must be written in plain
 * decimal; else a 400 names it. The schema's own bounds then apply to the number.
 */
export function registerUrlIntegerCheck(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const parts = [
      { name: 'params', keys: integerKeys(route.schema?.params), values: (request: FastifyRequest) => request.params },
      { name: 'querystring', keys: integerKeys(route.schema?.querystring), values: (request: FastifyRequest) => request.query },
    ].filter((part) => part.keys.length > 0);
    if (parts.length === 0) return;
    const check = async (request: FastifyRequest) => {
      for (const part of parts) {
        const values = (part.values(request) ?? {}) as Record<string, unknown>;
        for (const key of part.keys) {
          const value = values[key];
          const written = Array.isArray(value) ? value : [value];
          if (written.some((v) => typeof v === 'string' && !DECIMAL.test(v)))
            throw invalid(`${part.name}.${key}`, 'type', { type: 'integer' }, 'must be an integer written in decimal digits');
        }
      }
    };
    const existing = route.preValidation;
    route.preValidation = existing ? [...(Array.isArray(existing) ? existing : [existing]), check] : [check];
  });
}
