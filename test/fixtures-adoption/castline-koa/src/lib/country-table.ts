export interface Country {
  code: string;
  name: string;
  region: "EU" | "NA" | "LATAM" | "APAC" | "OTHER";
}

const COUNTRIES: Country[] = [
  { code: "DE", name: "Germany", region: "EU" },
  { code: "FR", name: "France", region: "EU" },
  { code: "NL", name: "Netherlands", region: "EU" },
  { code: "ES", name: "Spain", region: "EU" },
  { code: "US", name: "United States", region: "NA" },
  { code: "CA", name: "Canada", region: "NA" },
  { code: "BR", name: "Brazil", region: "LATAM" },
  { code: "JP", name: "Japan", region: "APAC" },
  { code: "AU", name: "Australia", region: "APAC" },
];

/** Static lookup with a Sequelize-looking surface, so call sites read the same as model code. */
export class CountryTable {
  private readonly byCode: Map<string, Country>;

  constructor(rows: Country[]) {
    this.byCode = new Map(rows.map((row) => [row.code, row]));
  }

  findByPk(code: string): Country | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  findAll(options: { where?: { region?: Country["region"] } } = {}): Country[] {
    const region = options.where?.region;
    return [...this.byCode.values()].filter((country) => region === undefined || country.region === region);
  }
}

export const countryTable = new CountryTable(COUNTRIES);
