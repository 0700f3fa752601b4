import { AppDataSource } from "../data-source";
import { Customer } from "../entities/Customer";

export const CustomerRepository = AppDataSource.getRepository(Customer).extend({
  byEmailDomain(email: string): Promise<Customer | null> {
    const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
    return this.findOneBy({ emailDomain: domain });
  },

  page(page: number, pageSize: number): Promise<[Customer[], number]> {
    const take = Math.min(Math.max(pageSize, 1), 100);
    return this.findAndCount({ order: { id: "ASC" }, take, skip: (Math.max(page, 1) - 1) * take });
  },
});
