// The generator lives in test/support/pool-arbitraries.ts. This path stays only for lib/cognito/plan's property
// test, whose imports move with that folder's own test helpers; delete it then.
export * from "@/test/support/pool-arbitraries";
