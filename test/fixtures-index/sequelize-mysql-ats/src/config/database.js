module.exports = {
  development: { dialect: "mysql", host: "127.0.0.1", port: 3306, database: "ats_dev", username: "ats", password: "ats" },
  production: { dialect: "mysql", use_env_variable: "DATABASE_URL", dialectOptions: { ssl: { rejectUnauthorized: true } } },
};
