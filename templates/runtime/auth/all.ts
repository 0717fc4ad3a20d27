/**
 * Every auth scheme the runtime implements. A generated client imports only the ones its
 * operations name (see `CollectionSpec.authSchemes`); this module is for code that builds specs
 * by hand and wants them all, such as the runtime's own tests.
 */
import type { AuthSchemes } from "./index.js";
import { apiKeyAuth } from "./apikey.js";
import { awsV4Auth } from "./awsv4.js";
import { basicAuth } from "./basic.js";
import { bearerAuth } from "./bearer.js";
import { digestAuth } from "./digest.js";
import { oauth1Auth } from "./oauth1.js";
import { oauth2Auth } from "./oauth2.js";
import { ociAuth } from "./oci.js";

export const ALL_AUTH_SCHEMES: AuthSchemes = {
  basic: basicAuth,
  bearer: bearerAuth,
  apikey: apiKeyAuth,
  oauth2: oauth2Auth,
  oauth1: oauth1Auth,
  awsv4: awsV4Auth,
  digest: digestAuth,
  oci: ociAuth,
};
