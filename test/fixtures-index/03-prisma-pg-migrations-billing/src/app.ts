import express, { Router } from "express";
import * as invoices from "./services/invoices";
import * as payments from "./services/payments";
import * as customers from "./services/customers";
import * as teams from "./services/teams";

const router = Router();

router.get("/teams/:teamId/invoices", async (req, res) => {
  res.json(await invoices.listInvoices(req.params.teamId, typeof req.query.cursor === "string" ? req.query.cursor : undefined));
});
router.get("/teams/:teamId/invoices/open", async (req, res) => res.json(await invoices.openInvoices(req.params.teamId)));
router.get("/teams/:teamId/invoices/void", async (req, res) => res.json(await invoices.voidedInvoices(req.params.teamId)));
router.get("/teams/:teamId/invoices/:number", async (req, res) => res.json(await invoices.invoiceByNumber(req.params.teamId, req.params.number)));
router.get("/customers/:id/invoices", async (req, res) => res.json(await invoices.customerInvoices(req.params.id)));
router.get("/teams/:teamId/payments", async (req, res) => res.json(req.query.failed ? await payments.failedTeamPayments(req.params.teamId) : await payments.teamPayments(req.params.teamId)));
router.get("/invoices/:id/payments", async (req, res) => res.json(await payments.invoicePayments(req.params.id)));
router.get("/invoices/:id/refunds", async (req, res) => res.json(await payments.refundsForInvoice(req.params.id)));
router.get("/admin/payments/latest", async (_req, res) => res.json(await payments.latestPayments()));
router.get("/admin/payments/find/:ref", async (req, res) => res.json(await payments.findPayment(req.params.ref)));
router.get("/admin/customers/lookup/:ref", async (req, res) => res.json(await customers.supportLookup(req.params.ref)));
router.get("/teams/:teamId/customers", async (req, res) => res.json(await customers.searchCustomers(req.params.teamId, String(req.query.q ?? ""))));
router.get("/teams/:teamId/prices", async (req, res) => res.json(await customers.teamPrices(req.params.teamId)));
router.get("/teams/:teamId/members", async (req, res) => res.json(await teams.teamMembers(req.params.teamId)));
router.get("/users/:userId/teams", async (req, res) => res.json(await teams.teamsForUser(req.params.userId)));
router.get("/admin/webhooks", async (_req, res) => res.json(await teams.recentWebhooks()));

router.post("/webhooks/stripe/:teamSlug", async (req, res) => {
  const team = await teams.teamBySlug(req.params.teamSlug);
  if (!team) return res.sendStatus(404);
  const event = req.body as { id: string; type: string; data: { object: { id: string; customer?: string } } };
  await teams.ingestWebhook(team.id, "stripe", event.id, event.type, event);
  if (event.data.object.customer) await customers.customerByStripeId(event.data.object.customer);
  res.sendStatus(204);
});

const app = express();
app.use(express.json({ limit: "1mb" }));
app.use("/v1", router);

setInterval(() => void invoices.overdueSweep(), 60 * 60 * 1000);
setInterval(() => void customers.renewalsDue(new Date(Date.now() + 24 * 60 * 60 * 1000)), 15 * 60 * 1000);

app.listen(Number(process.env.PORT ?? 8080));
