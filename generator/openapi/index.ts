/** OpenAPI 3.1 export of a collection and its inferred types. */
export { buildOpenApi, buildOpenApiDocument, type OpenApiReport } from "./build.js";
