'use strict';

const express = require('express');
const { sequelize, User } = require('./models');
const groups = require('./routes/groups');
const events = require('./routes/events');
const me = require('./routes/me');
const { purgeOldNotifications } = require('./jobs/retention');

const app = express();
app.use(express.json());

// The gateway has already verified the session and forwards the user id.
app.use(async (req, res, next) => {
  try {
    const userId = Number(req.header('x-user-id'));
    if (!userId) return res.status(401).json({ error: 'unauthenticated' });
    const user = await User.findByPk(userId, { attributes: ['id', 'name', 'email'] });
    if (!user) return res.status(401).json({ error: 'unknown user' });
    req.user = user;
    return next();
  } catch (err) {
    return next(err);
  }
});

app.use('/groups', groups);
app.use('/events', events);
app.use('/me', me);

app.use((err, req, res, next) => {
  console.error(err);
  res.status(500).json({ error: 'internal error' });
});

sequelize.authenticate().then(() => {
  app.listen(Number(process.env.PORT || 3000));
  setInterval(() => purgeOldNotifications().catch(console.error), 24 * 3600 * 1000);
});
