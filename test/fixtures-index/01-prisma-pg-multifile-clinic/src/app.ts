import express, { NextFunction, Request, Response } from "express";
import * as appointments from "./services/appointments";
import * as patients from "./services/patients";
import { dispatchDueReminders } from "./jobs/reminders";

const app = express();
app.use(express.json());

const wrap = (fn: (req: Request, res: Response) => Promise<unknown>) => (req: Request, res: Response, next: NextFunction) => fn(req, res).catch(next);

app.get("/practitioners/:id/calendar", wrap(async (req, res) => {
  const from = new Date(String(req.query.from));
  const to = new Date(String(req.query.to));
  res.json(await appointments.practitionerCalendar(req.params.id, from, to));
}));

app.get("/clinics/:clinicId/day/:date", wrap(async (req, res) => {
  const dayStart = new Date(`${req.params.date}T00:00:00Z`);
  const dayEnd = new Date(dayStart.getTime() + 24 * 60 * 60 * 1000);
  res.json(await appointments.clinicDaySheet(req.params.clinicId, dayStart, dayEnd));
}));

app.get("/patients/:id/appointments", wrap(async (req, res) => {
  res.json(await appointments.patientHistory(req.params.id));
}));

app.get("/appointments/recent", wrap(async (_req, res) => {
  res.json(await appointments.recentBookings());
}));

app.get("/appointments/search", wrap(async (req, res) => {
  const status = typeof req.query.status === "string" ? (req.query.status as appointments.AppointmentSearch["status"]) : undefined;
  const cancelledSince = typeof req.query.cancelledSince === "string" ? new Date(req.query.cancelledSince) : undefined;
  res.json(await appointments.searchAppointments({ status, cancelledSince }));
}));

app.get("/appointments/:id", wrap(async (req, res) => {
  const appt = await appointments.getAppointment(req.params.id);
  if (!appt) return res.status(404).json({ error: "not found" });
  res.json(appt);
}));

app.get("/appointments/:id/notes", wrap(async (req, res) => {
  res.json(await appointments.listNotes(req.params.id));
}));

app.post("/appointments", wrap(async (req, res) => {
  const body = req.body as { clinicId: string; practitionerId: string; patientId: string; roomName?: string; startsAt: string; endsAt: string };
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (await appointments.hasConflict(body.practitionerId, startsAt, endsAt)) return res.status(409).json({ error: "slot taken" });
  res.status(201).json(await appointments.book({ ...body, startsAt, endsAt }));
}));

app.post("/appointments/:id/cancel", wrap(async (req, res) => {
  res.json(await appointments.cancel(req.params.id));
}));

app.get("/clinics/:clinicId/practitioners", wrap(async (req, res) => {
  res.json(await appointments.activePractitioners(req.params.clinicId));
}));

app.get("/referrals", wrap(async (req, res) => {
  res.json(await appointments.referralDirectory(String(req.query.specialty ?? "")));
}));

app.get("/clinics/:clinicId/patients", wrap(async (req, res) => {
  res.json(await patients.searchPatients(req.params.clinicId, String(req.query.q ?? "")));
}));

app.get("/clinics/:clinicId/patients/by-mrn/:mrn", wrap(async (req, res) => {
  res.json(await patients.findByMrn(req.params.clinicId, req.params.mrn));
}));

app.post("/webhooks/sms", wrap(async (req, res) => {
  const { from, text } = req.body as { from: string; text: string };
  const patient = await patients.matchInboundSms(from);
  res.json({ matched: Boolean(patient), text });
}));

app.get("/clinics/:clinicId/waitlist", wrap(async (req, res) => {
  res.json(await patients.clinicWaitlist(req.params.clinicId));
}));

app.get("/admin/stats", wrap(async (_req, res) => {
  res.json({ activePatients: await patients.activePatientCount(), newest: await patients.newestPatients() });
}));

app.post("/internal/reminders/dispatch", wrap(async (_req, res) => {
  res.json({ sent: await dispatchDueReminders() });
}));

app.listen(Number(process.env.PORT ?? 3000));
