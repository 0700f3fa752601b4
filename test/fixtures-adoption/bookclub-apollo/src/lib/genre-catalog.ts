// Genres are editorial and ship with the app; this is a read-only in-memory catalogue,
// named like a repository so that resolvers can treat it like one.
export interface Genre {
  slug: string;
  label: string;
  shelf: string;
}

const GENRES: readonly Genre[] = [
  { slug: "literary-fiction", label: "Literary fiction", shelf: "fiction" },
  { slug: "crime", label: "Crime & mystery", shelf: "fiction" },
  { slug: "speculative", label: "Science fiction & fantasy", shelf: "fiction" },
  { slug: "history", label: "History", shelf: "non-fiction" },
  { slug: "memoir", label: "Memoir & biography", shelf: "non-fiction" },
  { slug: "science", label: "Popular science", shelf: "non-fiction" },
  { slug: "poetry", label: "Poetry", shelf: "poetry" },
];

export class GenreCatalog {
  private readonly bySlug: Map<string, Genre>;

  constructor(genres: readonly Genre[]) {
    this.bySlug = new Map(genres.map((genre) => [genre.slug, genre]));
  }

  findMany(shelf?: string): Genre[] {
    const all = [...this.bySlug.values()];
    return shelf ? all.filter((genre) => genre.shelf === shelf) : all;
  }

  findUnique(slug: string): Genre | null {
    return this.bySlug.get(slug) ?? null;
  }
}

export const genreCatalog = new GenreCatalog(GENRES);
