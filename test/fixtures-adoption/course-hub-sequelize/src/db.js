const { Sequelize } = require("sequelize");

const sequelize = new Sequelize(process.env.DATABASE_URL || "postgres://coursehub:coursehub@localhost:5432/coursehub", {
  dialect: "postgres",
  logging: process.env.SQL_LOG === "1" ? console.log : false,
  pool: { max: 10, min: 0, idle: 10000 },
});

module.exports = { sequelize };
