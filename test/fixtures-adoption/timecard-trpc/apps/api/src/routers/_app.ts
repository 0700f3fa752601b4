import { router } from "../trpc";
import { projectRouter } from "./project";
import { timesheetRouter } from "./timesheet";
import { invoiceRouter } from "./invoice";
import { teamRouter } from "./team";

export const appRouter = router({
  project: projectRouter,
  timesheet: timesheetRouter,
  invoice: invoiceRouter,
  team: teamRouter,
});

export type AppRouter = typeof appRouter;
