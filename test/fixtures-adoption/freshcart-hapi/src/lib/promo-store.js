// @ts-check
'use strict';

/**
 * @typedef {{ sku: string, label: string, percentOff: number, endsAt: string }} Promo
 */

// This week's flyer, loaded from the marketing team's JSON at boot. Named like a model on purpose:
// the pricing code was written against Sequelize first.
class PromoStore {
  /** @param {Promo[]} promos */
  constructor(promos) {
    /** @type {Map<string, Promo>} */
    this.bySku = new Map(promos.map((promo) => [promo.sku, promo]));
  }

  /** @param {string} sku */
  findByPk(sku) {
    const promo = this.bySku.get(sku);
    return promo && new Date(promo.endsAt) > new Date() ? promo : null;
  }

  findAll() {
    return [...this.bySku.values()];
  }
}

/** @type {Promo[]} */
const WEEKLY_FLYER = [
  { sku: 'DAIRY-0412', label: 'Milk 2 for 1', percentOff: 50, endsAt: '2099-01-01T00:00:00Z' },
  { sku: 'BAKE-0107', label: 'Sourdough -20%', percentOff: 20, endsAt: '2099-01-01T00:00:00Z' },
  { sku: 'VEG-0033', label: 'Carrots -30%', percentOff: 30, endsAt: '2099-01-01T00:00:00Z' },
];

const promoStore = new PromoStore(WEEKLY_FLYER);

module.exports = { PromoStore, promoStore };
