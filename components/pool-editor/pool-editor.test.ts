import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { type ClientPreset, addIdentityProviderPreset, applyClientPreset, createPoolDocument, getIdentityProviderPreset, getPreset, type PoolPreset } from "@/lib/cognito/presets";
import type { PoolDocument } from "@/lib/cognito/spec";
import { checkPoolDocument } from "./analysis";
import { EDITOR_SECTIONS } from "./field-errors";
import { PoolEditor, preloadEditorSections } from "./pool-editor";

function presetDocument(): PoolDocument {
  const doc = createPoolDocument(getPreset("hardened-production") as PoolPreset, { name: "shop", region: "us-east-1" });
  doc.spec.domain = { domain: "shop-auth" };
  doc.spec.userPoolTags = { team: "identity" };
  doc.spec.schemaAttributes = [{ name: "email", attributeDataType: "String", required: true, mutable: true }, { name: "tier", attributeDataType: "String" }];
  let spec = applyClientPreset(doc.spec, getPreset("spa") as ClientPreset, { clientName: "web" }).spec;
  spec = applyClientPreset(spec, getPreset("machine-to-machine") as ClientPreset, { clientName: "reports" }).spec;
  spec = addIdentityProviderPreset(spec, getIdentityProviderPreset("google")!, { offerOn: ["web"] }).spec;
  spec.groups = [{ name: "admins", precedence: 0 }];
  spec.riskConfiguration = { riskExceptionConfiguration: { blockedIPRangeList: ["192.0.2.0/24"] }, clients: [{ clientName: "web" }] };
  spec.logDeliveryConfiguration = { logConfigurations: [{ eventSource: "userNotification", logLevel: "ERROR", cloudWatchLogsConfiguration: { logGroupArn: "arn:aws:logs:us-east-1:123456789012:log-group:shop" } }] };
  return { ...doc, spec };
}

// The sections load on first use (their own chunks); a synchronous render needs their code loaded first.
beforeAll(() => preloadEditorSections());

// As the page renders it: with the stored document's checks (the editor loads its own only for changes).
const render = (document: PoolDocument, initialSection: string) => renderToStaticMarkup(createElement(PoolEditor, { document, initialSection, checked: checkPoolDocument(document) }));

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, "u").exec(tag)?.[1];
const controls = (html: string) => [...html.matchAll(/<(input|select|textarea)\b[^>]*>/gu)].map((m) => m[0]);
const labelTargets = (html: string) => new Set([...html.matchAll(/<label\b[^>]*\sfor="([^"]*)"/gu)].map((m) => m[1]));
/** Text of the element with this id (the ids point at <p> elements). */
const textOf = (html: string, id: string) =>
  new RegExp(`<p id="${id}"[^>]*>(.*?)</p>`, "su").exec(html)?.[1]?.replace(/<[^>]+>/gu, "").replaceAll("&quot;", '"');

describe("PoolEditor markup", () => {
  const doc = presetDocument();

  it.each(EDITOR_SECTIONS.map((s) => s.id))("labels every control of the %s section", (section) => {
    const html = render(doc, section);
    const inputs = controls(html);
    expect(inputs.length).toBeGreaterThan(0);
    const labelled = labelTargets(html);
    const unlabelled = inputs.filter((tag) => !attr(tag, "id") || !labelled.has(attr(tag, "id") as string));
    expect(unlabelled).toEqual([]);
  });

  it("ties a field's error to its input with aria-describedby", () => {
    const broken = structuredClone(doc);
    broken.spec.passwordPolicy = { ...broken.spec.passwordPolicy, minimumLength: 3 };
    const html = render(broken, "password-policy");
    const input = controls(html).find((t) => attr(t, "id") === "pe-spec-passwordPolicy-minimumLength");
    expect(input).toBeDefined();
    expect(attr(input as string, "aria-invalid")).toBe("true");
    const ids = (attr(input as string, "aria-describedby") ?? "").split(" ");
    expect(ids).toContain("pe-spec-passwordPolicy-minimumLength-error");
    expect(textOf(html, "pe-spec-passwordPolicy-minimumLength-error")).toBe('"minimumLength" must be between 6 and 99 (got 3)');
    expect(textOf(html, "pe-spec-passwordPolicy-minimumLength-help")).toContain("6–99");
    expect(html).not.toContain('role="alert"');
  });

  it("shows a finding as a warning beside the field it concerns", () => {
    const weak = structuredClone(doc);
    weak.spec.mfaConfiguration = "OFF";
    const html = render(weak, "mfa");
    const select = controls(html).find((t) => attr(t, "id") === "pe-spec-mfaConfiguration") as string;
    expect(attr(select, "aria-describedby")?.split(" ")).toContain("pe-spec-mfaConfiguration-warning");
    expect(textOf(html, "pe-spec-mfaConfiguration-warning")).toMatch(/^mfaConfiguration is OFF: a stolen password is enough to sign in/u);
    expect(attr(select, "aria-invalid")).toBeUndefined();
  });

  it("edits a client's refresh token rotation, context data and Pinpoint analytics", () => {
    const html = render(doc, "app-clients");
    for (const label of ["Refresh token rotation", "Rotation grace period", "Send device and IP context", "Pinpoint project ID", "Pinpoint role ARN", "Share user data with Pinpoint"])
      expect(html).toContain(`>${label}</label>`);
    for (const name of ["refreshTokenRotation.feature", "refreshTokenRotation.retryGracePeriodSeconds", "enablePropagateAdditionalUserContextData", "analyticsConfiguration.applicationId"])
      expect(html).toContain(`name="spec.clients.0.${name}"`);
  });

  it("edits the client defaults every client inherits, described as defaults", () => {
    const withDefaults = structuredClone(doc);
    withDefaults.spec.clientDefaults = { enableTokenRevocation: true, accessTokenValidity: 1 };
    const html = render(withDefaults, "app-clients");
    expect(html).toMatch(/<details open=""[^>]*><summary[^>]*>Client defaults/u);
    expect(html).toContain('name="spec.clientDefaults.accessTokenValidity"');
    expect(html).not.toContain('name="spec.clientDefaults.name"');
    expect(textOf(html, "pe-spec-clientDefaults-enableTokenRevocation-help")).toMatch(/^Default for every client that does not set its own\. Lets sign-out revoke refresh tokens\./u);
  });

  it("mounts the editor of one client only and renders only the first rows of a long client list", () => {
    const many = structuredClone(doc);
    many.spec.clients = Array.from({ length: 200 }, (_, i) => ({ name: `client-${i}`, callbackUrls: [`https://app${i}.example.com/cb`] }));
    const html = render(many, "app-clients");
    expect(html).toContain(">client-1</span>");
    expect(html).not.toContain(">client-199</span>");
    // Each rendered row says where it stands in the whole list; the rest are padding of their height.
    expect(html).toMatch(/<li aria-posinset="1" aria-setsize="200"/u);
    expect(html).toMatch(/<ul style="padding-top:0;padding-bottom:\d+px">/u);
    expect(html.match(/id="pe-spec-clients-\d+-name"/gu)).toEqual(['id="pe-spec-clients-0-name"']);
  });

  it("lists every client of a short list", () => {
    const few = structuredClone(doc);
    few.spec.clients = Array.from({ length: 30 }, (_, i) => ({ name: `client-${i}` }));
    const html = render(few, "app-clients");
    expect(html).toContain(">client-29</span>");
    expect(html).toMatch(/<ul style="padding-top:0;padding-bottom:0">/u);
  });

  it("offers the resource servers' scopes to a client", () => {
    const html = render(doc, "app-clients");
    // The selected client (the SPA "web") does not use them, but they are offered as unchosen choices of the
    // searchable picker; openid, which it uses, is checked among the chosen ones.
    const option = /<input([^>]*id="pe-spec-clients-0-allowedOAuthScopes-\d+"[^>]*)><span[^>]*>https:\/\/api\.example\.com\/write<\/span><\/label>/u.exec(html);
    expect(option).not.toBeNull();
    expect(option?.[1]).not.toContain("checked");
    expect(html).toMatch(/role="group" aria-label="Chosen"><label[^>]*><input[^>]*checked=""[^>]*><span title="openid">openid<\/span><\/label>/u);
    expect(html).toContain('placeholder="Search');
  });

  it("leaves an unset field unset: an empty input and the Not set choice", () => {
    const html = render(doc, "password-policy");
    expect(html).toContain("Not set (AWS default)");
    const blank = structuredClone(doc);
    delete blank.spec.passwordPolicy;
    const input = controls(render(blank, "password-policy")).find((t) => attr(t, "id") === "pe-spec-passwordPolicy-minimumLength") as string;
    expect(attr(input, "value") ?? "").toBe("");
  });
});
