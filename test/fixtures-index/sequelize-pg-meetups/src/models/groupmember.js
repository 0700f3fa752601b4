'use strict';

module.exports = (sequelize, DataTypes) => {
  const GroupMember = sequelize.define('GroupMember', {
    groupId: { type: DataTypes.INTEGER, allowNull: false },
    userId: { type: DataTypes.INTEGER, allowNull: false },
    role: { type: DataTypes.ENUM('member', 'host', 'organizer'), allowNull: false, defaultValue: 'member' },
  });

  GroupMember.associate = (models) => {
    GroupMember.belongsTo(models.Group, { as: 'group', foreignKey: 'groupId' });
    GroupMember.belongsTo(models.User, { as: 'user', foreignKey: 'userId' });
  };

  return GroupMember;
};
