import { createServer } from "node:http";
import { OpenAPIHandler } from "@orpc/openapi/node";
import { router } from "./router.js";

const handler = new OpenAPIHandler(router);

const server = createServer(async (req, res) => {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
  }
  const { matched } = await handler.handle(req, res, { prefix: "/api", context: { headers } });
  if (!matched) {
    res.statusCode = 404;
    res.end("Not found");
  }
});

server.listen(Number(process.env.PORT ?? 3000));
