const { Student } = require("../models");

const MAX_PAGE_SIZE = 100;

async function findByEmail(email) {
  const normalized = String(email).trim().toLowerCase();
  return Student.findOne({ where: { email: normalized } }); // expect: unindexed-filter
}

async function activeEnrollmentCount(studentId) {
  const student = await Student.findByPk(studentId);
  if (!student) return null;
  const active = await student.getEnrollments({ where: { status: "active" } }); // expect: count-via-length, unbounded-query
  return active.length;
}

async function listStudents({ page = 1, pageSize = 25 } = {}) {
  const limit = Math.min(Math.max(Number(pageSize) || 25, 1), MAX_PAGE_SIZE);
  const current = Math.max(Number(page) || 1, 1);
  const { rows, count } = await Student.findAndCountAll({
    attributes: ["id", "displayName", "timezone"],
    order: [["id", "ASC"]],
    limit,
    offset: (current - 1) * limit,
  });
  return { items: rows, total: count, page: current, pageSize: limit };
}

module.exports = { findByEmail, activeEnrollmentCount, listStudents };
