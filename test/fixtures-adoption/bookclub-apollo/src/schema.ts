import gql from "graphql-tag";

export const typeDefs = gql`
  enum MemberRole {
    OWNER
    MODERATOR
    MEMBER
  }

  type User {
    id: ID!
    handle: String!
    displayName: String!
    avatarUrl: String
  }

  type Book {
    id: ID!
    isbn: String!
    title: String!
    authorName: String!
    publishedYear: Int
    pageCount: Int
    coverUrl: String
  }

  type Membership {
    id: ID!
    role: MemberRole!
    joinedAt: String!
    user: User!
  }

  type Review {
    id: ID!
    rating: Int!
    body: String!
    createdAt: String!
    author: User
    book: Book
  }

  type Club {
    id: ID!
    slug: String!
    name: String!
    description: String
    isPublic: Boolean!
    seatLimit: Int!
    memberCount: Int!
    owner: User
    currentBook: Book
    members(first: Int): [Membership!]!
  }

  type ClubConnection {
    nodes: [Club!]!
    endCursor: ID
    hasNextPage: Boolean!
  }

  type Genre {
    slug: String!
    label: String!
    shelf: String!
  }

  type ReadingStats {
    clubId: ID!
    minutesRead: Int!
    membersByRole: [RoleCount!]!
  }

  type RoleCount {
    role: MemberRole!
    count: Int!
  }

  input ReviewInput {
    clubId: ID!
    bookId: ID!
    rating: Int!
    body: String!
  }

  type Query {
    viewer: User
    club(slug: String!): Club
    clubs(first: Int, after: ID): ClubConnection!
    recentReviews(clubId: ID!, first: Int): [Review!]!
    booksByIds(ids: [ID!]!): [Book]!
    booksByAuthor(authorName: String!): [Book!]!
    clubStats(clubId: ID!): ReadingStats!
    genres(slugs: [String!]): [Genre!]!
  }

  type Mutation {
    joinClub(clubId: ID!): Membership!
    joinByInvite(code: String!): Membership!
    postReview(input: ReviewInput!): Review!
    setCurrentBook(clubId: ID!, bookId: ID!): Club!
  }
`;
