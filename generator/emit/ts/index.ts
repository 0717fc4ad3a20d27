/**
 * The one place that writes TypeScript: string literals, property keys, identifiers, JSDoc,
 * value literals and type expressions (printed with precedence). Templates lay out each file;
 * everything they insert comes from here.
 */
export { commentSafe, jsDoc, propertyKey, stringLiteral, typeMemberKey } from "./text.js";
export { tsLiteral } from "./values.js";
export {
  arrayOf,
  declaredNames,
  declaredRef,
  indexed,
  keyword,
  literal,
  objectType,
  printInterface,
  printType,
  printTypeAlias,
  ref,
  unionOf,
  type Keyword,
  type TsMember,
  type TsType,
} from "./types.js";
