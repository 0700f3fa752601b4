const { DataTypes, Model } = require("sequelize");
const { sequelize } = require("../db");

class Student extends Model {}

Student.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    email: { type: DataTypes.STRING(254), allowNull: false },
    displayName: { type: DataTypes.STRING(120), allowNull: false },
    timezone: { type: DataTypes.STRING(64), allowNull: false, defaultValue: "UTC" },
  },
  { sequelize, modelName: "Student", tableName: "students" },
);

module.exports = Student;
