import { Router } from 'express';
import { prisma } from '../db';
import { postsOf } from '../lib/posts';

export const usersRouter = Router();

usersRouter.get('/users', async (_req, res) => {
  // perf-scan-disable-next-line unbounded-query -- stale: the read below is bounded now
  const users = await prisma.user.findMany({ take: 50 });
  const result = [];
  for (const user of users) {
    result.push({ ...user, posts: await postsOf(user.id) }); // expect: n-plus-one
  }
  res.json(result);
});

usersRouter.get('/users/:id/orders', async (req, res) => {
  const userId = Number(req.params.id);
  const orders = await prisma.order.findMany({ where: { userId } }); // expect: missing-pagination
  res.json(orders);
});
