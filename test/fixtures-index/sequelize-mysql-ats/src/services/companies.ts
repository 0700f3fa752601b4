import { Op } from "sequelize";
import { Company, User } from "../models/org";
import { Job } from "../models/hiring";

export function ensureCompany(slug: string, name: string) {
  return Company.findOrCreate({ where: { slug }, defaults: { slug, name } });
}

export function companyById(id: number) {
  return Company.findByPk(id);
}

/** Self sign-up: attach the new user to the client company owning the e-mail domain. */
export async function companyForEmail(email: string) {
  const domain = email.split("@")[1]?.toLowerCase();
  if (!domain) return null;
  return Company.findOne({ where: { emailDomain: domain } }); // expect: unindexed-filter
}

export function recruiters(companyId: number) {
  return User.findAll({ where: { companyId, role: { [Op.in]: ["admin", "recruiter"] } } });
}

export function userByEmail(email: string) {
  return User.findOne({ where: { email } });
}

/** Public job board. */
export function openJobs() {
  return Job.findAll({ where: { status: "open" }, order: [["publishedAt", "DESC"]], limit: 20, include: [Company] });
}

export function companyJobs(companyId: number) {
  return Job.scope("published").findAll({ where: { companyId }, order: [["title", "ASC"]] });
}

export function searchCompanyJobs(companyId: number, q: string) {
  return Job.findAll({ where: { companyId, title: { [Op.like]: `%${q}%` } }, limit: 50 });
}

/** Hourly: close postings whose deadline passed. */
export function closeExpiredJobs(now = new Date()) {
  return Job.update({ status: "closed" }, { where: { [Op.and]: [{ status: "open" }, { closesAt: { [Op.lt]: now } }] } });
}
