const { DataTypes, Model } = require("sequelize");
const { sequelize } = require("../db");

class Course extends Model {}

Course.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    slug: { type: DataTypes.STRING(80), allowNull: false, unique: true },
    title: { type: DataTypes.STRING(200), allowNull: false },
    summary: { type: DataTypes.TEXT, allowNull: false, defaultValue: "" },
    instructorName: { type: DataTypes.STRING(120), allowNull: false },
    published: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
  },
  { sequelize, modelName: "Course", tableName: "courses" },
);

module.exports = Course;
