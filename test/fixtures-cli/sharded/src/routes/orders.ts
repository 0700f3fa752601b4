import { Router } from 'express';
import { prisma } from '../db';

export const ordersRouter = Router();

ordersRouter.get('/orders/revenue', async (_req, res) => {
  const orders = await prisma.order.findMany({ where: { status: 'PAID' } }); // expect: unbounded-query, unindexed-filter
  const total = orders.reduce((sum, order) => sum + order.amount, 0); // expect: in-memory-aggregation
  res.json({ total });
});

ordersRouter.get('/orders/pending-count', async (_req, res) => {
  const pending = (await prisma.order.findMany({ where: { status: 'PENDING' } })).length; // expect: count-via-length, unbounded-query
  res.json({ pending });
});

ordersRouter.post('/orders/close', async (req, res) => {
  const ids: number[] = req.body.ids;
  for (const id of ids) {
    await prisma.order.update({ where: { id }, data: { status: 'CLOSED' } }); // expect: n-plus-one
  }
  res.json({ closed: ids.length });
});
