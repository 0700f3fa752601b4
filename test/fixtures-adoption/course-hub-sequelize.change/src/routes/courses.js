const express = require("express");
const courseService = require("../services/course-service");
const reportService = require("../services/report-service");

const router = express.Router();

function courseIdParam(req) {
  const id = Number.parseInt(req.params.id, 10);
  if (!Number.isInteger(id) || id <= 0) {
    const error = new Error("invalid course id");
    error.status = 400;
    throw error;
  }
  return id;
}

router.get("/", async (req, res) => {
  const courses = await courseService.listPublished();
  res.json(courses.map(courseService.toCourseDto));
});

router.get("/lessons/titles", async (req, res) => {
  const ids = String(req.query.ids || "")
    .split(",")
    .map((value) => Number.parseInt(value, 10))
    .filter((value) => Number.isInteger(value));
  res.json(await courseService.lessonTitles(ids.slice(0, 100)));
});

router.get("/by-slug/:slug", async (req, res) => {
  const course = await courseService.getBySlug(req.params.slug);
  if (!course) return res.status(404).json({ error: "course not found" });
  res.json(courseService.toCourseDto(course));
});

router.get("/:id/outline", async (req, res) => {
  res.json(await courseService.lessonOutline(courseIdParam(req)));
});

router.get("/:id/outline/me", async (req, res) => {
  const studentId = Number.parseInt(req.get("x-student-id") || "", 10);
  if (!Number.isInteger(studentId)) return res.status(401).json({ error: "sign in to see your progress" });
  res.json(await courseService.outlineForStudent(courseIdParam(req), studentId));
});

router.get("/:id/enrollments/breakdown", async (req, res) => {
  res.json(await courseService.enrollmentBreakdown(courseIdParam(req)));
});

router.get("/:id/roster", async (req, res) => {
  res.json(await reportService.courseRoster(courseIdParam(req)));
});

router.get("/:id/average", async (req, res) => {
  res.json(await reportService.courseAverage(courseIdParam(req)));
});

router.get("/:id/gradebook.csv", async (req, res) => {
  res.type("text/csv");
  await reportService.exportGradebook(courseIdParam(req), (chunk) => res.write(chunk));
  res.end();
});

module.exports = router;
