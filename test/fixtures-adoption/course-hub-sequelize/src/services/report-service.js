const { Op, QueryTypes } = require("sequelize");
const { Enrollment, Submission } = require("../models");
const { openArchiveDb } = require("../lib/archive-db");

const ROSTER_LIMIT = 200;
const EXPORT_BATCH = 500;

const GRADE_BANDS = [
  { min: 90, label: "A" },
  { min: 80, label: "B" },
  { min: 70, label: "C" },
  { min: 60, label: "D" },
  { min: 0, label: "F" },
];

function bandFor(score) {
  return GRADE_BANDS.find((band) => score >= band.min) || GRADE_BANDS[GRADE_BANDS.length - 1];
}

async function courseRoster(courseId) {
  const enrollments = await Enrollment.findAll({ where: { courseId }, order: [["id", "ASC"]], limit: ROSTER_LIMIT });
  return Promise.all(
    enrollments.map(async (enrollment) => {
      const student = await enrollment.getStudent(); // expect: n-plus-one
      return {
        enrollmentId: enrollment.id,
        status: enrollment.status,
        studentId: enrollment.studentId,
        name: student ? student.displayName : null,
        email: student ? student.email : null,
      };
    }),
  );
}

async function courseAverage(courseId) {
  const graded = await Submission.findAll({ where: { courseId, status: "graded" } }); // expect: unbounded-query
  let total = 0;
  let counted = 0;
  for (const submission of graded) { // expect: in-memory-aggregation
    if (submission.score === null) continue;
    total += submission.score;
    counted += 1;
  }
  const average = counted > 0 ? total / counted : null;
  return { courseId, gradedCount: counted, average, band: average === null ? null : bandFor(average).label };
}

async function exportGradebook(courseId, write) {
  write("submission_id,student_id,lesson_id,score,band\n");
  let lastId = 0;
  for (;;) {
    const batch = await Submission.findAll({
      where: { courseId, id: { [Op.gt]: lastId } },
      order: [["id", "ASC"]],
      limit: EXPORT_BATCH,
    });
    if (batch.length === 0) break;
    for (const submission of batch) {
      const band = submission.score === null ? "" : bandFor(submission.score).label;
      write(`${submission.id},${submission.studentId},${submission.lessonId},${submission.score ?? ""},${band}\n`);
    }
    lastId = batch[batch.length - 1].id;
  }
}

async function archivedTermStats(term) {
  const archive = openArchiveDb(term);
  try {
    const [row] = await archive.query("SELECT COUNT(id) AS submissions, AVG(score) AS average FROM archived_submissions", { type: QueryTypes.SELECT });
    return { term, submissions: Number(row.submissions), average: row.average === null ? null : Number(row.average) };
  } finally {
    await archive.close();
  }
}

module.exports = { bandFor, courseRoster, courseAverage, exportGradebook, archivedTermStats };
