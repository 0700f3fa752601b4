'use strict';

module.exports = (sequelize, DataTypes) => {
  const Group = sequelize.define('Group', {
    slug: { type: DataTypes.STRING(80), allowNull: false, unique: true },
    name: { type: DataTypes.STRING, allowNull: false },
    city: { type: DataTypes.STRING, allowNull: false },
    description: DataTypes.TEXT,
    organizerId: { type: DataTypes.INTEGER, allowNull: false },
  });

  Group.associate = (models) => {
    Group.belongsTo(models.User, { as: 'organizer', foreignKey: 'organizerId' });
    Group.hasMany(models.GroupMember, { as: 'members', foreignKey: 'groupId' });
    Group.hasMany(models.Event, { as: 'events', foreignKey: 'groupId' });
  };

  return Group;
};
