import { sequelize } from "./db";
import { InvoiceService } from "./services/invoice.service";
import { ReminderService } from "./services/reminder.service";
import { StatementService } from "./services/statement.service";
import { UsageService } from "./services/usage.service";

/**
 * Composition root: every service is built once at start-up and shared by the routers.
 * Tests build their own container with stubbed services.
 */
export const container = {
  invoices: new InvoiceService(sequelize),
  reminders: new ReminderService(),
  statements: new StatementService(),
  usage: new UsageService(),
};

export type Container = typeof container;
