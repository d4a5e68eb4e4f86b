import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

/**
 * zod with `.openapi(name, metadata)`: schemas that the OpenAPI document names (a `$ref` under components) or
 * describes beyond `.describe()` import `z` from here. The extension only adds metadata; parsing is unchanged.
 */
extendZodWithOpenApi(z);

export { z };
