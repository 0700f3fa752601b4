"use strict";

/**
 * No foreign keys on purpose: rows are bulk-inserted by the import jobs and the
 * table is archived month by month.
 *
 * @type {import('sequelize-cli').Migration}
 */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("activity_logs", {
      id: { type: Sequelize.BIGINT, primaryKey: true, autoIncrement: true, allowNull: false },
      company_id: { type: Sequelize.INTEGER, allowNull: false },
      actor_id: { type: Sequelize.INTEGER },
      action: { type: Sequelize.STRING(64), allowNull: false },
      subject_type: { type: Sequelize.STRING(32), allowNull: false },
      subject_id: { type: Sequelize.INTEGER, allowNull: false },
      meta: { type: Sequelize.JSON },
      created_at: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex("activity_logs", ["subject_type", "subject_id", "created_at"], { name: "activity_logs_subject" });
  },

  async down(queryInterface) {
    await queryInterface.dropTable("activity_logs");
  },
};
