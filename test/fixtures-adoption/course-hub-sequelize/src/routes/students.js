const express = require("express");
const studentService = require("../services/student-service");

const router = express.Router();

router.get("/", async (req, res) => {
  res.json(await studentService.listStudents({ page: req.query.page, pageSize: req.query.pageSize }));
});

router.get("/lookup", async (req, res) => {
  if (!req.query.email) return res.status(400).json({ error: "email is required" });
  const student = await studentService.findByEmail(req.query.email);
  if (!student) return res.status(404).json({ error: "no student with that email" });
  res.json({ id: student.id, displayName: student.displayName, timezone: student.timezone });
});

router.get("/:id/summary", async (req, res) => {
  const activeCourses = await studentService.activeEnrollmentCount(Number(req.params.id));
  if (activeCourses === null) return res.status(404).json({ error: "student not found" });
  res.json({ studentId: Number(req.params.id), activeCourses });
});

module.exports = router;
