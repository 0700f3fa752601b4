const { Op, QueryTypes } = require("sequelize");
const { sequelize, Course, Lesson, Enrollment } = require("../models");
const { lessonCache } = require("../lib/lesson-cache");

function toCourseDto(course) {
  return {
    id: course.id,
    slug: course.slug,
    title: course.title,
    instructor: course.instructorName,
    summary: course.summary,
  };
}

async function listPublished() {
  return Course.findAll({ where: { published: true }, order: [["title", "ASC"]] }); // expect: missing-pagination
}

async function getBySlug(slug) {
  return Course.findOne({ where: { slug } });
}

async function lessonOutline(courseId) {
  return sequelize.query('SELECT * FROM lessons WHERE "courseId" = :courseId ORDER BY position LIMIT 100', { replacements: { courseId }, type: QueryTypes.SELECT }); // expect: select-star
}

async function enrollmentBreakdown(courseId) {
  const breakdown = {};
  for (const status of ["active", "completed", "dropped"]) {
    breakdown[status] = await Enrollment.count({ where: { courseId, status } });
  }
  return breakdown;
}

async function lessonTitles(ids) {
  const missing = ids.filter((id) => !lessonCache.findByPk(id));
  if (missing.length > 0) {
    const rows = await Lesson.findAll({ where: { id: { [Op.in]: missing } } });
    rows.forEach((row) => lessonCache.upsert(row));
  }
  return ids.map((id) => {
    const cached = lessonCache.findByPk(id);
    return { id, title: cached ? cached.title : null };
  });
}

module.exports = { toCourseDto, listPublished, getBySlug, lessonOutline, enrollmentBreakdown, lessonTitles };
