export interface Category {
  slug: string;
  label: string;
  emoji: string;
  parent?: string;
}

const CATEGORIES: Category[] = [
  { slug: "music", label: "Music", emoji: "🎵" },
  { slug: "jazz", label: "Jazz", emoji: "🎷", parent: "music" },
  { slug: "techno", label: "Techno", emoji: "🎛️", parent: "music" },
  { slug: "talks", label: "Talks & meetups", emoji: "🎤" },
  { slug: "workshops", label: "Workshops", emoji: "🛠️" },
  { slug: "sports", label: "Sports", emoji: "⚽" },
  { slug: "food", label: "Food & drink", emoji: "🍜" },
];

/** The category list ships with the app; this wrapper mirrors the Prisma API the UI code is used to. */
class CategoryCatalog {
  constructor(private readonly categories: readonly Category[]) {}

  findMany(where: { parent?: string } = {}): Category[] {
    return this.categories.filter((category) => where.parent === undefined || category.parent === where.parent);
  }

  findUnique(slug: string): Category | null {
    return this.categories.find((category) => category.slug === slug) ?? null;
  }
}

export const categoryCatalog = new CategoryCatalog(CATEGORIES);
