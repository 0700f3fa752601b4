import { prisma } from '../db';
import { postsOf } from '../lib/posts';

export async function nightlyDigest() {
  const users = await prisma.user.findMany({ take: 500 });
  for (const user of users) {
    const posts = await postsOf(user.id); // expect: n-plus-one
    // perf-scan-disable-next-line n-plus-one -- the mailer batches, one query per user is accepted here
    await prisma.order.count({ where: { userId: user.id } }); // expect: unindexed-filter
    console.log(user.email, posts.length);
  }
}
