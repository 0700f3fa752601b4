const { DataTypes, Model } = require("sequelize");
const { sequelize } = require("../db");

class Lesson extends Model {}

Lesson.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    courseId: { type: DataTypes.INTEGER, allowNull: false },
    position: { type: DataTypes.INTEGER, allowNull: false },
    title: { type: DataTypes.STRING(200), allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: false, defaultValue: "" },
    videoUrl: { type: DataTypes.STRING(500), allowNull: true },
    maxScore: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 100 },
  },
  {
    sequelize,
    modelName: "Lesson",
    tableName: "lessons",
    indexes: [{ fields: ["courseId", "position"] }],
  },
);

module.exports = Lesson;
