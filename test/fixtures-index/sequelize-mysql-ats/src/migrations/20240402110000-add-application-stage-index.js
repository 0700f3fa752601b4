"use strict";

/**
 * The "stuck in screening" reminder scanned every application. Not declared on
 * the model: the index only exists through this migration.
 *
 * @type {import('sequelize-cli').Migration}
 */
module.exports = {
  async up(queryInterface) {
    await queryInterface.addIndex("applications", ["stage", "applied_at"], { name: "applications_stage_applied_at" });
  },

  async down(queryInterface) {
    await queryInterface.removeIndex("applications", "applications_stage_applied_at");
  },
};
