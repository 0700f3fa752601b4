const { DataTypes, Model } = require("sequelize");
const { sequelize } = require("../db");

class Submission extends Model {}

Submission.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    courseId: { type: DataTypes.INTEGER, allowNull: false },
    lessonId: { type: DataTypes.INTEGER, allowNull: false },
    studentId: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.ENUM("submitted", "graded", "returned"), allowNull: false, defaultValue: "submitted" },
    score: { type: DataTypes.INTEGER, allowNull: true },
    feedback: { type: DataTypes.TEXT, allowNull: true },
    submittedAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  },
  {
    sequelize,
    modelName: "Submission",
    tableName: "submissions",
    indexes: [{ fields: ["courseId"] }, { fields: ["lessonId"] }, { fields: ["studentId", "lessonId"] }],
  },
);

module.exports = Submission;
