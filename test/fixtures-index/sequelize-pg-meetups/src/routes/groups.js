'use strict';

const express = require('express');
const { UniqueConstraintError } = require('sequelize');
const { Op } = require('sequelize');
const { Event, Group, GroupMember, User, Venue } = require('../models');

const router = express.Router();

async function loadGroup(req, res, next) {
  try {
    const group = await Group.findOne({ where: { slug: req.params.slug }, include: [{ model: User, as: 'organizer', attributes: ['id', 'name'] }] });
    if (!group) return res.status(404).json({ error: 'group not found' });
    req.group = group;
    return next();
  } catch (err) {
    return next(err);
  }
}

router.get('/', async (req, res, next) => {
  try {
    const groups = await Group.findAll({ where: { city: String(req.query.city || '') }, order: [['name', 'ASC']], limit: 50 });
    res.json(groups);
  } catch (err) {
    next(err);
  }
});

router.get('/:slug', loadGroup, (req, res) => res.json(req.group));

router.get('/:slug/events', loadGroup, async (req, res, next) => {
  try {
    const events = await Event.findAll({ where: { groupId: req.group.id, startsAt: { [Op.gte]: new Date() } }, order: [['startsAt', 'ASC']], limit: 20, include: [{ model: Venue, as: 'venue' }] });
    res.json(events);
  } catch (err) {
    next(err);
  }
});

router.get('/:slug/members', loadGroup, async (req, res, next) => {
  try {
    const members = await GroupMember.findAll({ where: { groupId: req.group.id }, include: [{ model: User, as: 'user', attributes: ['id', 'name', 'city'] }], order: [['createdAt', 'ASC']] });
    res.json(members);
  } catch (err) {
    next(err);
  }
});

router.post('/:slug/join', loadGroup, async (req, res, next) => {
  try {
    const membership = await GroupMember.create({ groupId: req.group.id, userId: req.user.id, role: 'member' });
    res.status(201).json(membership);
  } catch (err) {
    if (err instanceof UniqueConstraintError) return res.status(200).json({ alreadyMember: true });
    return next(err);
  }
});

router.delete('/:slug/membership', loadGroup, async (req, res, next) => {
  try {
    const removed = await GroupMember.destroy({ where: { groupId: req.group.id, userId: req.user.id } });
    res.json({ removed });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
