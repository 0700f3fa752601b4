import { ApolloServer } from "@apollo/server";
import { expressMiddleware } from "@apollo/server/express4";
import cors from "cors";
import express from "express";
import { buildContext, type GraphQLContext } from "./context";
import { resolvers } from "./resolvers";
import { exportRouter } from "./routes/export";
import { typeDefs } from "./schema";

async function main(): Promise<void> {
  const server = new ApolloServer<GraphQLContext>({ typeDefs, resolvers });
  await server.start();

  const app = express();
  app.use(exportRouter);
  app.use("/graphql", cors(), express.json({ limit: "1mb" }), expressMiddleware(server, { context: buildContext }));

  const port = Number(process.env.PORT ?? 4000);
  app.listen(port, () => {
    console.log(`bookclub-apollo listening on http://localhost:${port}/graphql`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
