import { createHTTPServer } from "@trpc/server/adapters/standalone";
import { appRouter } from "./routers/_app";
import { createContext } from "./context";

const port = Number(process.env.PORT ?? 4000);

const server = createHTTPServer({
  router: appRouter,
  createContext,
  onError({ path, error }) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      console.error(`[trpc] ${path ?? "<no path>"} failed`, error);
    }
  },
});

server.listen(port);
console.log(`timecard api listening on :${port}`);
