// The moto client lives in test/support/moto-cognito.ts. This path stays only for lib/cognito/apply's tests, whose
// imports move with that folder's own test helpers; delete it then.
export * from "@/test/support/moto-cognito";
