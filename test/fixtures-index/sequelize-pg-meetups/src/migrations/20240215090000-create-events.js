'use strict';

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    const id = { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false };
    const timestamps = {
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    };

    await queryInterface.createTable('Events', {
      id,
      groupId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'Groups', key: 'id' }, onDelete: 'CASCADE' },
      venueId: { type: Sequelize.INTEGER, references: { model: 'Venues', key: 'id' }, onDelete: 'SET NULL' },
      title: { type: Sequelize.STRING, allowNull: false },
      description: { type: Sequelize.TEXT },
      startsAt: { type: Sequelize.DATE, allowNull: false },
      endsAt: { type: Sequelize.DATE },
      status: { type: Sequelize.ENUM('draft', 'published', 'cancelled'), allowNull: false, defaultValue: 'draft' },
      capacity: { type: Sequelize.INTEGER },
      sourceId: { type: Sequelize.STRING(64) },
      ...timestamps,
    });
    await queryInterface.addIndex('Events', ['groupId', 'startsAt'], { name: 'events_group_starts_at' });

    await queryInterface.createTable('Rsvps', {
      id,
      eventId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'Events', key: 'id' }, onDelete: 'CASCADE' },
      userId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'Users', key: 'id' }, onDelete: 'CASCADE' },
      status: { type: Sequelize.ENUM('going', 'waitlist', 'not_going'), allowNull: false },
      guests: { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 },
      ...timestamps,
    });
    await queryInterface.addIndex('Rsvps', ['eventId', 'userId'], { unique: true, name: 'rsvps_event_user' });

    await queryInterface.createTable('Comments', {
      id,
      eventId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'Events', key: 'id' }, onDelete: 'CASCADE' },
      authorId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'Users', key: 'id' }, onDelete: 'CASCADE' },
      parentId: { type: Sequelize.INTEGER, references: { model: 'Comments', key: 'id' }, onDelete: 'CASCADE' },
      body: { type: Sequelize.TEXT, allowNull: false },
      ...timestamps,
    });
    await queryInterface.addIndex('Comments', ['eventId', 'createdAt'], { name: 'comments_event_created_at' });

    await queryInterface.createTable('Photos', {
      id,
      eventId: { type: Sequelize.INTEGER, allowNull: false, references: { model: 'Events', key: 'id' }, onDelete: 'CASCADE' },
      url: { type: Sequelize.STRING(512), allowNull: false },
      caption: { type: Sequelize.STRING },
      ...timestamps,
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable('Photos');
    await queryInterface.dropTable('Comments');
    await queryInterface.dropTable('Rsvps');
    await queryInterface.dropTable('Events');
  },
};
