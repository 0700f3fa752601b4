import GraphQLJSON from "graphql-type-json";
import { clubResolvers } from "./club";
import { mutationResolvers } from "./mutation";
import { queryResolvers } from "./query";

// Apollo Server merges an array of resolver maps.
export const resolvers = [{ JSON: GraphQLJSON }, queryResolvers, mutationResolvers, clubResolvers];
