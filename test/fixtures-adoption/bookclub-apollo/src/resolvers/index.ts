import { clubResolvers } from "./club";
import { mutationResolvers } from "./mutation";
import { queryResolvers } from "./query";

// Apollo Server merges an array of resolver maps.
export const resolvers = [queryResolvers, mutationResolvers, clubResolvers];
