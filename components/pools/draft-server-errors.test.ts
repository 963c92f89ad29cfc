import { describe, expect, it } from "vitest";
import { toDraftServerErrors } from "./draft-server-errors";

describe("toDraftServerErrors", () => {
  it("strips the action's document prefix so the editor can place the error", () => {
    expect(toDraftServerErrors({ "document.spec.clients.0.name": ["too long"], "document.metadata.name": ["bad", "worse"] })).toEqual({
      fields: { "spec.clients.0.name": ["too long"], "metadata.name": ["bad", "worse"] },
      other: [],
    });
  });

  it("keeps errors of the rest of the input, and of the whole document, as plain messages", () => {
    expect(toDraftServerErrors({ version: ["expected an integer"], document: ["expected an object"], "": ["refused"] })).toEqual({
      fields: {},
      other: ["version: expected an integer", "expected an object", "refused"],
    });
  });

  it("drops empty message lists", () => {
    expect(toDraftServerErrors({ "document.spec.region": [] })).toEqual({ fields: {}, other: [] });
  });
});
