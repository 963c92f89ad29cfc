/**
 * The branding operations moto 5.2 lacks, added by test/support/moto_ext/ (managed_login_branding.py,
 * ui_customization.py) and reached by the real SDK over HTTP. Their behaviour is modelled from the API
 * reference, not observed on AWS:
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateManagedLoginBranding.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DescribeManagedLoginBrandingByClient.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteManagedLoginBranding.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SetUICustomization.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUICustomization.html
 * Input is checked against the vendored API model (api_model.py).
 */
import {
  CognitoIdentityProviderClient,
  CreateManagedLoginBrandingCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteManagedLoginBrandingCommand,
  DescribeManagedLoginBrandingByClientCommand,
  DescribeManagedLoginBrandingCommand,
  GetUICustomizationCommand,
  SetUICustomizationCommand,
  UpdateManagedLoginBrandingCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startMoto, type MotoServer } from "./support/moto";

let moto: MotoServer;
let cognito: CognitoIdentityProviderClient;
beforeAll(async () => {
  moto = await startMoto();
  cognito = new CognitoIdentityProviderClient({ region: "eu-west-1", endpoint: moto.endpoint, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
});
afterAll(async () => {
  await moto?.stop();
});

async function poolWithClient(name: string): Promise<{ UserPoolId: string; ClientId: string }> {
  const pool = await cognito.send(new CreateUserPoolCommand({ PoolName: name }));
  const UserPoolId = pool.UserPool!.Id!;
  const client = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: "web" }));
  return { UserPoolId, ClientId: client.UserPoolClient!.ClientId! };
}

const LOGO = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);

test("a style is tied to one client: created, described by client and id, updated keeping what is not sent, deleted", async () => {
  const { UserPoolId, ClientId } = await poolWithClient("mlb-lifecycle");
  const created = await cognito.send(
    new CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, Settings: { components: { form: { borderRadius: 4 } } }, Assets: [{ Category: "FORM_LOGO", ColorMode: "LIGHT", Extension: "PNG", Bytes: LOGO }] }),
  );
  const id = created.ManagedLoginBranding!.ManagedLoginBrandingId!;
  expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
  await expect(cognito.send(new CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, UseCognitoProvidedValues: true }))).rejects.toMatchObject({ name: "ManagedLoginBrandingExistsException" });

  const byClient = await cognito.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId, ClientId }));
  expect(byClient.ManagedLoginBranding).toMatchObject({ ManagedLoginBrandingId: id, UseCognitoProvidedValues: false, Settings: { components: { form: { borderRadius: 4 } } } });
  expect(byClient.ManagedLoginBranding!.Assets![0]!.Bytes).toEqual(LOGO);

  await cognito.send(new UpdateManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id, Settings: { components: { form: { borderRadius: 12 } } } }));
  const updated = await cognito.send(new DescribeManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id }));
  expect(updated.ManagedLoginBranding!.Settings).toEqual({ components: { form: { borderRadius: 12 } } });
  expect(updated.ManagedLoginBranding!.Assets).toHaveLength(1); // not sent: kept

  await cognito.send(new UpdateManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id, UseCognitoProvidedValues: true }));
  const reset = await cognito.send(new DescribeManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id }));
  expect(reset.ManagedLoginBranding).toMatchObject({ UseCognitoProvidedValues: true, Assets: [] });
  expect(reset.ManagedLoginBranding!.Settings).toBeUndefined();

  await cognito.send(new DeleteManagedLoginBrandingCommand({ UserPoolId, ManagedLoginBrandingId: id }));
  await expect(cognito.send(new DescribeManagedLoginBrandingByClientCommand({ UserPoolId, ClientId }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
});

test("input the API refuses: defaults with settings, an unknown client, an image over 1,000,000 bytes, an unknown category", async () => {
  const { UserPoolId, ClientId } = await poolWithClient("mlb-invalid");
  await expect(cognito.send(new CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, UseCognitoProvidedValues: true, Settings: {} }))).rejects.toMatchObject({ name: "InvalidParameterException" });
  await expect(cognito.send(new CreateManagedLoginBrandingCommand({ UserPoolId, ClientId: "nosuchclient", UseCognitoProvidedValues: true }))).rejects.toMatchObject({ name: "ResourceNotFoundException" });
  const huge = new Uint8Array(1_000_001);
  await expect(
    cognito.send(new CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, Assets: [{ Category: "PAGE_BACKGROUND", ColorMode: "DARK", Extension: "JPEG", Bytes: huge }] })),
  ).rejects.toMatchObject({ name: "InvalidParameterException", message: expect.stringContaining("Bytes") });
  await expect(
    cognito.send(new CreateManagedLoginBrandingCommand({ UserPoolId, ClientId, Assets: [{ Category: "HEADER" as never, ColorMode: "DARK", Extension: "PNG", Bytes: LOGO }] })),
  ).rejects.toMatchObject({ name: "InvalidParameterException", message: expect.stringContaining("Category") });
});

test("classic customization needs a domain; a client without its own answers the ALL one; the logo comes back as a URL", async () => {
  const { UserPoolId, ClientId } = await poolWithClient("classic-ui");
  await expect(cognito.send(new SetUICustomizationCommand({ UserPoolId, ClientId: "ALL", CSS: ".label-customizable { color: red; }" }))).rejects.toMatchObject({ name: "InvalidParameterException" });
  await cognito.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: "classic-ui-auth" }));

  const empty = await cognito.send(new GetUICustomizationCommand({ UserPoolId, ClientId }));
  expect(empty.UICustomization).toEqual({ UserPoolId, ClientId });

  await cognito.send(new SetUICustomizationCommand({ UserPoolId, ClientId: "ALL", CSS: ".label-customizable { color: red; }", ImageFile: LOGO }));
  const fallback = await cognito.send(new GetUICustomizationCommand({ UserPoolId, ClientId }));
  expect(fallback.UICustomization).toMatchObject({ ClientId: "ALL", CSS: ".label-customizable { color: red; }", ImageUrl: expect.stringMatching(/^https:\/\//u) });

  await cognito.send(new SetUICustomizationCommand({ UserPoolId, ClientId, CSS: ".banner-customizable { color: blue; }" }));
  const own = await cognito.send(new GetUICustomizationCommand({ UserPoolId, ClientId }));
  expect(own.UICustomization).toMatchObject({ ClientId, CSS: ".banner-customizable { color: blue; }" });
  expect(own.UICustomization!.ImageUrl).toBeUndefined(); // a Set replaces both: this one has no logo
});
