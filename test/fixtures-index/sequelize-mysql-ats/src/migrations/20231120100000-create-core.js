"use strict";

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    const timestamps = {
      created_at: { type: Sequelize.DATE, allowNull: false },
      updated_at: { type: Sequelize.DATE, allowNull: false },
    };
    const id = { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };

    await queryInterface.createTable("companies", {
      id,
      name: { type: Sequelize.STRING(160), allowNull: false },
      slug: { type: Sequelize.STRING(80), allowNull: false, unique: true },
      email_domain: { type: Sequelize.STRING(120) },
      ...timestamps,
    });

    await queryInterface.createTable("users", {
      id,
      company_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: "companies", key: "id" }, onDelete: "CASCADE" },
      email: { type: Sequelize.STRING(191), allowNull: false, unique: true },
      name: { type: Sequelize.STRING(120), allowNull: false },
      role: { type: Sequelize.ENUM("admin", "recruiter", "interviewer"), allowNull: false },
      ...timestamps,
      deleted_at: { type: Sequelize.DATE },
    });

    await queryInterface.createTable("jobs", {
      id,
      company_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: "companies", key: "id" }, onDelete: "CASCADE" },
      title: { type: Sequelize.STRING(200), allowNull: false },
      location: { type: Sequelize.STRING(120) },
      remote: { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: false },
      status: { type: Sequelize.ENUM("draft", "open", "closed"), allowNull: false, defaultValue: "draft" },
      published_at: { type: Sequelize.DATE },
      closes_at: { type: Sequelize.DATE },
      ...timestamps,
      deleted_at: { type: Sequelize.DATE },
    });
    await queryInterface.addIndex("jobs", ["status", "published_at"], { name: "jobs_status_published_at" });

    await queryInterface.createTable("candidates", {
      id,
      email: { type: Sequelize.STRING(191), allowNull: false, unique: true },
      full_name: { type: Sequelize.STRING(160), allowNull: false },
      phone: { type: Sequelize.STRING(32) },
      linkedin_url: { type: Sequelize.STRING(255) },
      source: { type: Sequelize.ENUM("careers_site", "referral", "sourced", "agency"), allowNull: false, defaultValue: "careers_site" },
      ...timestamps,
      deleted_at: { type: Sequelize.DATE },
    });

    await queryInterface.createTable("applications", {
      id,
      job_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: "jobs", key: "id" }, onDelete: "CASCADE" },
      candidate_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: "candidates", key: "id" }, onDelete: "CASCADE" },
      referrer_id: { type: Sequelize.INTEGER },
      stage: { type: Sequelize.ENUM("applied", "screening", "interview", "offer", "hired", "rejected"), allowNull: false, defaultValue: "applied" },
      applied_at: { type: Sequelize.DATE, allowNull: false },
      rejected_at: { type: Sequelize.DATE },
      ...timestamps,
      deleted_at: { type: Sequelize.DATE },
    });

    await queryInterface.createTable("interviews", {
      id,
      application_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: "applications", key: "id" }, onDelete: "CASCADE" },
      interviewer_id: { type: Sequelize.INTEGER, allowNull: false, references: { model: "users", key: "id" } },
      scheduled_at: { type: Sequelize.DATE, allowNull: false },
      duration_min: { type: Sequelize.INTEGER, allowNull: false, defaultValue: 45 },
      status: { type: Sequelize.ENUM("scheduled", "completed", "cancelled", "no_show"), allowNull: false, defaultValue: "scheduled" },
      calendar_event_id: { type: Sequelize.STRING(128) },
      ...timestamps,
    });
  },

  async down(queryInterface) {
    for (const table of ["interviews", "applications", "candidates", "jobs", "users", "companies"]) {
      await queryInterface.dropTable(table);
    }
  },
};
