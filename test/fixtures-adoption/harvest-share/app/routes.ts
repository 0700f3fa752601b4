import { type RouteConfig, route } from "@react-router/dev/routes";

export default [
  route("account", "routes/account.tsx"),
  route("farms/:farmId", "routes/farm.tsx"),
  route("farms/:farmId/report", "routes/farm.report.tsx"),
  route("farms/:farmId/deliveries", "routes/farm.deliveries.tsx"),
  route("farms/:farmId/subscribers.csv", "routes/farm.subscribers-csv.ts"),
  route("shares/:shareId", "routes/share.tsx"),
] satisfies RouteConfig;
