'use strict';

const { Group, GroupMember } = require('../models');

/** Groups a user belongs to, with their role in each. Used by the profile page and the home feed. */
async function membershipsOf(userId) {
  return GroupMember.findAll({ where: { userId }, include: [{ model: Group, as: 'group' }] }); // expect: unindexed-filter
}

async function memberGroupIds(userId) {
  const memberships = await membershipsOf(userId);
  return memberships.map((m) => m.groupId);
}

module.exports = { membershipsOf, memberGroupIds };
