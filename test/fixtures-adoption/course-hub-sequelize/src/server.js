const express = require("express");
const morgan = require("morgan");
const { sequelize } = require("./db");
const coursesRouter = require("./routes/courses");
const studentsRouter = require("./routes/students");
const { archivedTermStats } = require("./services/report-service");

const app = express();
app.use(express.json({ limit: "256kb" }));
app.use(morgan("tiny"));

app.get("/healthz", (req, res) => res.json({ ok: true }));
app.use("/courses", coursesRouter);
app.use("/students", studentsRouter);

app.get("/admin/archive/:term", async (req, res) => {
  res.json(await archivedTermStats(req.params.term));
});

app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ error: err.status ? err.message : "internal error" });
});

const port = Number(process.env.PORT || 3000);
sequelize.authenticate().then(() => {
  app.listen(port, () => console.log(`course-hub listening on ${port}`));
});

module.exports = app;
