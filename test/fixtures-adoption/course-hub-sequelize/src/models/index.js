const { sequelize } = require("../db");
const Course = require("./course");
const Lesson = require("./lesson");
const Student = require("./student");
const Enrollment = require("./enrollment");
const Submission = require("./submission");

Course.hasMany(Lesson, { foreignKey: "courseId", as: "lessons" });
Lesson.belongsTo(Course, { foreignKey: "courseId", as: "course" });

Course.hasMany(Enrollment, { foreignKey: "courseId", as: "enrollments" });
Enrollment.belongsTo(Course, { foreignKey: "courseId", as: "course" });

Student.hasMany(Enrollment, { foreignKey: "studentId", as: "enrollments" });
Enrollment.belongsTo(Student, { foreignKey: "studentId", as: "student" });

Lesson.hasMany(Submission, { foreignKey: "lessonId", as: "submissions" });
Submission.belongsTo(Lesson, { foreignKey: "lessonId", as: "lesson" });

Student.hasMany(Submission, { foreignKey: "studentId", as: "submissions" });
Submission.belongsTo(Student, { foreignKey: "studentId", as: "student" });

module.exports = { sequelize, Course, Lesson, Student, Enrollment, Submission };
