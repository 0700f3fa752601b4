'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    const id = { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
    const timestamps = {
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    };

    await queryInterface.createTable('Users', {
      id,
      email: { type: Sequelize.STRING, allowNull: false, unique: true },
      name: { type: Sequelize.STRING, allowNull: false },
      city: { type: Sequelize.STRING },
      bio: { type: Sequelize.TEXT },
      ...timestamps,
    });

    await queryInterface.createTable('Venues', {
      id,
      name: { type: Sequelize.STRING, allowNull: false },
      address: { type: Sequelize.STRING, allowNull: false },
      city: { type: Sequelize.STRING, allowNull: false },
      lat: { type: Sequelize.DECIMAL(9, 6) },
      lng: { type: Sequelize.DECIMAL(9, 6) },
      ...timestamps,
    });

    await queryInterface.createTable('Groups', {
      id,
      slug: { type: Sequelize.STRING(80), allowNull: false, unique: true },
      name: { type: Sequelize.STRING, allowNull: false },
      city: { type: Sequelize.STRING, allowNull: false },
      description: { type: Sequelize.TEXT },
      organizerId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'Users', key: 'id' }, onDelete: 'RESTRICT' },
      ...timestamps,
    });
    await queryInterface.addIndex('Groups', ['city'], { name: 'groups_city' });

    await queryInterface.createTable('GroupMembers', {
      id,
      groupId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'Groups', key: 'id' }, onDelete: 'CASCADE' },
      userId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'Users', key: 'id' }, onDelete: 'CASCADE' },
      role: { type: Sequelize.ENUM('member', 'host', 'organizer'), allowNull: false, defaultValue: 'member' },
      ...timestamps,
    });
    await queryInterface.addIndex('GroupMembers', ['groupId', 'userId'], { unique: true, name: 'group_members_group_user' });
  },

  async down(queryInterface) {
    await queryInterface.dropTable('GroupMembers');
    await queryInterface.dropTable('Groups');
    await queryInterface.dropTable('Venues');
    await queryInterface.dropTable('Users');
  },
};
