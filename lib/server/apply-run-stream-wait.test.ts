import { afterEach, describe, expect, test, vi } from "vitest";
import { byRole, newBlankPool, useStudioDatabase } from "@/test/support/studio-db";

// A real SQLite file. Only the clock the stream reads (Date) is moved forward, so the test need not wait
// minutes: the stream's reads of the database and its pauses between them are real.
const { as } = useStudioDatabase("studio-stream-wait-", byRole("editor"));

const { getDb } = await import("./db");
const { RUN_WAIT_MS, streamApplyRun } = await import("./apply-run-stream");

afterEach(() => vi.useRealTimers());

/** A change request with no run yet, as a page sees it the moment Apply is pressed. */
async function requestWithoutRun(name: string): Promise<{ id: string; targetId: string }> {
  const pool = await newBlankPool(name, () => as("editor"));
  const target = await getDb().db.target.create({ data: { poolId: pool.id, name: "dev", region: "eu-west-1", requiredApprovals: 0 } });
  const cr = await getDb().db.changeRequest.create({
    data: { poolId: pool.id, targetId: target.id, title: "Apply later", author: "editor@example.com", revisionNumber: 1, document: "{}", plan: "{}" },
  });
  return { id: cr.id, targetId: target.id };
}

/** Reads event names from a stream; a read that outlasts `within` is kept for the next call, never lost. */
function eventReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let reading: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  /** The next event's name ("closed" at the end), skipping keep-alive comments; "pending" when none came within `ms`. */
  return async function next(ms: number): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      const at = buffer.indexOf("\n\n");
      if (at >= 0) {
        const block = buffer.slice(0, at);
        buffer = buffer.slice(at + 2);
        const name = /^event: (.*)$/mu.exec(block)?.[1];
        if (name) return name;
        continue;
      }
      reading ??= reader.read();
      const result = await Promise.race([reading, new Promise<"pending">((r) => setTimeout(() => r("pending"), Math.max(0, deadline - Date.now())))]);
      if (result === "pending") return "pending";
      reading = undefined;
      if (result.done) return "closed";
      buffer += decoder.decode(result.value, { stream: true });
    }
  };
}

describe("the apply stream's wait for a run", () => {
  test("still waits a minute after it opened (it gave up at 30 s before), and follows the run that then starts", async () => {
    expect(RUN_WAIT_MS).toBeGreaterThanOrEqual(120_000);
    const { id, targetId } = await requestWithoutRun("stream-waits");
    // Date only (setTimeout stays real), and read at real time: the fake clock moves only when told.
    vi.useFakeTimers({ toFake: ["Date"] });
    const next = eventReader(streamApplyRun({ changeRequestId: id, pollMs: 10, quietPollMs: 10 }));
    vi.setSystemTime(Date.now() + 60_000);
    expect(await next(300)).toBe("pending");
    await getDb().db.applyRun.create({ data: { changeRequestId: id, targetId, appliedBy: "editor@example.com", planVersion: 1, status: "succeeded", finishedAt: new Date() } });
    expect(await next(5_000)).toBe("run");
    expect(await next(5_000)).toBe("end");
    expect(await next(5_000)).toBe("closed");
  });

  test("says none once RUN_WAIT_MS has passed without a run", async () => {
    const { id } = await requestWithoutRun("stream-gives-up");
    vi.useFakeTimers({ toFake: ["Date"] });
    const next = eventReader(streamApplyRun({ changeRequestId: id, pollMs: 10, quietPollMs: 10 }));
    vi.setSystemTime(Date.now() + RUN_WAIT_MS - 5_000);
    expect(await next(300)).toBe("pending");
    vi.setSystemTime(Date.now() + 6_000);
    expect(await next(5_000)).toBe("none");
    expect(await next(5_000)).toBe("closed");
  });
});
