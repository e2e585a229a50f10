import { createRequire } from 'node:module';
import type { FastifySchemaValidationError, FastifyServerOptions } from 'fastify';
import { nullableForSerializer } from './nullable-for-serializer.ts';

/** What Fastify passes for one schema of a route (the schema, method, url, part): handed on as it is. */
type Route = unknown;
type Validate = ((data: unknown) => unknown) & { errors?: FastifySchemaValidationError[] | null };
type Serialize = (data: unknown) => string;
type Factory<T> = (externalSchemas: unknown, options: unknown) => (route: Route) => T;

// Fastify's own default compilers (Ajv, fast-json-stringify), taken from where Fastify itself loads them.
const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
const defaultValidators = () => (fromFastify('@fastify/ajv-compiler') as () => Factory<Validate>)();
const defaultSerializers = () => (fromFastify('@fastify/fast-json-stringify-compiler') as () => Factory<Serialize>)();

/** The route with its response schema ready for fast-json-stringify (nullable-for-serializer.ts). */
const serializable = (route: Route): Route =>
  typeof route === 'object' && route !== null && 'schema' in route ? { ...route, schema: nullableForSerializer(route.schema) } : route;

/**
 * Fastify compiles every route's validators and response serializers when the server starts: generated code for
 * a hundred routes, half a second and some 30 MB before the first answer, most of it for routes a given day never
 * calls. These are the same compilers with the same options, each schema compiled on its route's first request and
 * kept (a few milliseconds, once). A broken schema shows on that request instead of at start; the integration
 * tests call every route. Fastify takes these for custom compilers, which it hands a `headers` schema without
 * lower-casing its keys: a route that validates headers must spell them in lower case.
 */
export function lazySchemaCompilers(): NonNullable<FastifyServerOptions['schemaController']> {
  // The compilers themselves (Ajv and its formats, an instance with the shared schemas) are loaded on first use too.
  let validators: Factory<Validate> | undefined;
  let serializers: Factory<Serialize> | undefined;
  const lazyValidators: Factory<Validate> = (externalSchemas, options) => {
    let compile: ((route: Route) => Validate) | undefined;
    return (route) => {
      let validate: Validate | undefined;
      // Fastify reads a failed validation's errors from the function it holds: this one.
      const lazy: Validate = (data) => {
        validate ??= (compile ??= (validators ??= defaultValidators())(externalSchemas, options))(route);
        const result = validate(data);
        lazy.errors = validate.errors;
        return result;
      };
      return lazy;
    };
  };
  const lazySerializers: Factory<Serialize> = (externalSchemas, options) => {
    let compile: ((route: Route) => Serialize) | undefined;
    return (route) => {
      let serialize: Serialize | undefined;
      return (data) =>
        (serialize ??= (compile ??= (serializers ??= defaultSerializers())(externalSchemas, options))(serializable(route)))(data);
    };
  };
  // Fastify's types ask for Ajv's whole ValidateFunction; it calls the function and reads its `errors`, no more.
  return { compilersFactory: { buildValidator: lazyValidators, buildSerializer: lazySerializers } } as NonNullable<
    FastifyServerOptions['schemaController']
  >;
}
