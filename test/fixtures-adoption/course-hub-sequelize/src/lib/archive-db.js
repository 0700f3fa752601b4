const { Sequelize } = require("sequelize");

// Each academic term is archived into its own database once it closes.
function archiveUrlFor(term) {
  const base = process.env.ARCHIVE_DATABASE_URL || "postgres://coursehub:coursehub@archive-db:5432";
  return `${base}/coursehub_${String(term).replace(/[^a-z0-9_]/gi, "_")}`;
}

function openArchiveDb(term) {
  return new Sequelize(archiveUrlFor(term), { dialect: "postgres", logging: false }); // expect: client-per-request
}

module.exports = { openArchiveDb, archiveUrlFor };
