import { classDetail, listClasses, lookupClasses, upcomingClasses } from "./routers/classes.js";
import { cancelPendingBookings, comparePlans, exportMembers, listMembers, memberStanding } from "./routers/members.js";
import { classFill, revenue } from "./routers/reports.js";
import { trainerDirectory } from "./routers/trainers.js";

export const router = {
  classes: { list: listClasses, upcoming: upcomingClasses, lookup: lookupClasses, detail: classDetail },
  members: {
    list: listMembers,
    standing: memberStanding,
    comparePlans,
    cancelPendingBookings,
    export: exportMembers,
  },
  reports: { classFill, revenue },
  trainers: { directory: trainerDirectory },
};

export type AppRouter = typeof router;
