const { DataTypes, Model } = require("sequelize");
const { sequelize } = require("../db");

class Enrollment extends Model {}

Enrollment.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    courseId: { type: DataTypes.INTEGER, allowNull: false },
    studentId: { type: DataTypes.INTEGER, allowNull: false },
    status: { type: DataTypes.ENUM("active", "completed", "dropped"), allowNull: false, defaultValue: "active" },
    enrolledAt: { type: DataTypes.DATE, allowNull: false, defaultValue: DataTypes.NOW },
  },
  {
    sequelize,
    modelName: "Enrollment",
    tableName: "enrollments",
    indexes: [{ fields: ["courseId"] }, { unique: true, fields: ["studentId", "courseId"] }],
  },
);

module.exports = Enrollment;
