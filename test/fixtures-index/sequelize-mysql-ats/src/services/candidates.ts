import { Op } from "sequelize";
import { Application, Candidate, Job } from "../models/hiring";

export interface LinkedInProfile {
  url: string;
  email: string;
  name: string;
}

/** Careers-site form: is this person already in the pool? */
export async function findDuplicate(email: string, phone?: string) {
  if (!phone) return Candidate.findOne({ where: { email } });
  return Candidate.findOne({ where: { [Op.or]: [{ email }, { phone }] } }); // expect: unindexed-filter
}

/** Browser extension used by sourcers on LinkedIn profiles. */
export function importFromLinkedIn(profile: LinkedInProfile) {
  return Candidate.findOrCreate({ where: { linkedinUrl: profile.url }, defaults: { email: profile.email, fullName: profile.name, linkedinUrl: profile.url, source: "sourced" } }); // expect: unindexed-filter
}

export function createCandidate(email: string, fullName: string, phone?: string) {
  return Candidate.create({ email, fullName, phone: phone ?? null, source: "careers_site" });
}

export function newestCandidates() {
  return Candidate.findAll({ order: [["createdAt", "DESC"]], limit: 25, attributes: ["id", "fullName", "source", "createdAt"] }); // expect: unindexed-filter
}

export function searchCandidates(q: string) {
  return Candidate.findAll({ where: { fullName: { [Op.like]: `%${q}%` } }, limit: 20 });
}

export function candidateProfile(id: number) {
  return Candidate.findByPk(id, { include: [{ model: Application, include: [Job] }] });
}
