import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Evaluator, pseudoParameterValues } from "./evaluate";
import { NO_VALUE, isUnresolved } from "./gaps";
import { readParameters } from "./parameters";
import { readTemplateSource } from "./template-source";

const TEMPLATE = `
Parameters:
  Stage: { Type: String, Default: dev, AllowedValues: [dev, prod] }
  AppName: { Type: String, Description: The app }
  Urls: { Type: CommaDelimitedList, Default: "https://a.example.com, https://b.example.com" }
  Days: { Type: Number, Default: "30" }
  Ids: { Type: "List<AWS::EC2::Subnet::Id>", Default: "s-1,s-2" }
  Secret: { Type: "AWS::SSM::Parameter::Value<String>", Default: /app/secret }
Mappings:
  StageMap:
    dev: { Domain: dev-auth, Mfa: "OFF" }
    prod: { Domain: auth, Mfa: "ON" }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsDev: !Not [!Condition IsProd]
  DevOrProd: !Or [!Condition IsProd, !Condition IsDev]
  Both: !And [!Condition IsProd, !Condition IsDev]
  NamedApp: !Equals [!Ref AppName, shop]
  ProdAndNamed: !And [!Condition IsProd, !Condition NamedApp]
  DevOrNamed: !Or [!Condition IsDev, !Condition NamedApp]
  Loop: !Not [!Condition Loop]
Resources:
  Pool: { Type: AWS::Cognito::UserPool, Properties: { UserPoolName: p } }
  Google: { Type: AWS::Cognito::UserPoolIdentityProvider, Properties: { UserPoolId: !Ref Pool, ProviderName: Google, ProviderType: Google } }
  Api: { Type: AWS::Cognito::UserPoolResourceServer, Properties: { UserPoolId: !Ref Pool, Identifier: "https://api.example.com", Name: api } }
  Web: { Type: AWS::Cognito::UserPoolClient, Properties: { UserPoolId: !Ref Pool, ClientName: !Sub "\${Stage}-web" } }
  Fn: { Type: AWS::Lambda::Function, Properties: {} }
  Named: { Type: AWS::Lambda::Function, Properties: { FunctionName: !Sub "\${Stage}-pre-sign-up" } }
  SmsRole: { Type: AWS::IAM::Role, Properties: { RoleName: sms, Path: /cognito/ } }
  Loop: { Type: AWS::Cognito::UserPoolClient, Properties: { UserPoolId: !Ref Pool, ClientName: !GetAtt Loop.Name } }
`;

function evaluatorFor(options: { parameters?: Record<string, string>; region?: string; pseudo?: Record<string, string> } = {}, extra = "") {
  const { source } = readTemplateSource("template.yaml", TEMPLATE + extra);
  if (!source) throw new Error("test template unreadable");
  const parameters = readParameters(source, options.parameters);
  const resources = source.template.Resources as Record<string, Record<string, unknown>>;
  return new Evaluator({ source, parameters: parameters.values, pseudo: pseudoParameterValues(options.pseudo, options.region), resources });
}

/** Evaluates one YAML expression (as a template would hold it) against the test template. */
function evaluate(expression: string, options?: Parameters<typeof evaluatorFor>[0]) {
  const extra = `  Probe:\n    Type: Test::Probe\n    Properties:\n      Value: ${expression}\n`;
  const evaluator = evaluatorFor(options, extra);
  const { source } = readTemplateSource("template.yaml", TEMPLATE + extra);
  const raw = ((source?.template.Resources as Record<string, { Properties: { Value: unknown } }>).Probe.Properties.Value);
  return evaluator.value(raw, ["Resources", "Probe", "Properties", "Value"]);
}

const gapNames = (value: unknown) => (isUnresolved(value) ? value.gaps.map((g) => g.name) : "resolved");

describe("intrinsic functions", () => {
  test.each([
    ["!Ref Stage", "dev"],
    ['{ "Ref": "Stage" }', "dev"],
    ["!Ref Urls", ["https://a.example.com", "https://b.example.com"]],
    ["!Ref Days", 30],
    ["!Ref Ids", ["s-1", "s-2"]],
    ['!Sub "${Stage}-users"', "dev-users"],
    ['!Sub "${!Literal}-${Stage}"', "${Literal}-dev"],
    ['!Sub ["${A}/${B}", { A: !Ref Stage, B: static }]', "dev/static"],
    ['{ "Fn::Sub": "arn:${AWS::Partition}:cognito-idp:${AWS::Region}" }', "arn:aws:cognito-idp:eu-west-1"],
    ['!Join ["-", [a, !Ref Stage, 3]]', "a-dev-3"],
    ['{ "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":s3:::b"]] }', "arn:aws:s3:::b"],
    ["!Join [',', !Ref Urls]", "https://a.example.com,https://b.example.com"],
    ['!Select [1, !Split [",", "x,y,z"]]', "y"],
    ["!Select [0, !Ref Urls]", "https://a.example.com"],
    ["!If [IsProd, prod-value, dev-value]", "dev-value"],
    ["!If [IsDev, [a, !Ref AWS::NoValue, b], c]", ["a", "b"]],
    ["!FindInMap [StageMap, !Ref Stage, Domain]", "dev-auth"],
    ["!FindInMap [StageMap, test, Domain, { DefaultValue: fallback }]", "fallback"],
    ["!Ref Google", "Google"],
    ["!Ref Api", "https://api.example.com"],
    ['!Join ["", [!Ref Api, "/read"]]', "https://api.example.com/read"],
    ["!GetAtt Web.Name", "dev-web"],
    ["!Base64 hello", "aGVsbG8="],
    ["!Equals [!Ref Days, 30]", true],
    ["!Ref AWS::URLSuffix", "amazonaws.com"],
  ])("%s → %j", (expression, expected) => {
    expect(evaluate(expression, { region: "eu-west-1" })).toEqual(expected);
  });

  test("supplied parameters win over defaults, with their type", () => {
    expect(evaluate("!Ref Stage", { parameters: { Stage: "prod" } })).toBe("prod");
    expect(evaluate("!Ref Urls", { parameters: { Urls: "x, y" } })).toEqual(["x", "y"]);
    expect(evaluate("!FindInMap [StageMap, !Ref Stage, Mfa]", { parameters: { Stage: "prod" } })).toBe("ON");
    expect(evaluate("!Ref Secret", { parameters: { Secret: "s3cr3t" } })).toBe("s3cr3t");
  });

  test("Ref AWS::NoValue removes the key", () => {
    expect(evaluate("{ A: 1, B: !Ref AWS::NoValue }")).toEqual({ A: 1 });
    expect(evaluate("!Ref AWS::NoValue")).toBe(NO_VALUE);
  });

  test.each([
    ["!Ref AppName", ["AppName"]],
    ['!Sub "${AppName}-users-${Stage}-${AWS::AccountId}"', ["AppName", "AWS::AccountId"]],
    ["!Ref Secret", ["Secret"]],
    ["!GetAtt Fn.Arn", ["Fn.Arn"]],
    ['!GetAtt [Fn, Arn]', ["Fn.Arn"]],
    ["!Ref Pool", ["Pool"]],
    ["!GetAtt Pool.ProviderName", ["Pool.ProviderName"]],
    ["!GetAtt Web.ClientId", ["Web.ClientId"]],
    ["!ImportValue shared-pool-id", ["Fn::ImportValue shared-pool-id"]],
    ["!Ref Nothing", ["Ref Nothing"]],
    ["!GetAZs ''", ["Fn::GetAZs"]],
    ["!Ref AWS::Region", ["AWS::Region"]],
    ['{ "Fn::Cidr": ["10.0.0.0/16", 2, 8] }', ["Fn::Cidr"]],
    ["!If [NamedApp, a, b]", ["AppName"]],
    ["!If [Loop, a, b]", ["Condition Loop"]],
    ["!If [Missing, a, b]", ["Condition Missing"]],
    ["!GetAtt Loop.Name", ["Loop.ClientName"]],
  ])("%s is unresolved, naming %j", (expression, names) => {
    expect(gapNames(evaluate(expression))).toEqual(names);
  });

  test("conditions: And is false when one part is, Or true when one part is, whatever the gaps", () => {
    const evaluator = evaluatorFor();
    expect(evaluator.condition("IsProd")).toBe(false);
    expect(evaluator.condition("IsDev")).toBe(true);
    expect(evaluator.condition("DevOrProd")).toBe(true);
    expect(evaluator.condition("Both")).toBe(false);
    expect(evaluator.condition("ProdAndNamed")).toBe(false);
    expect(evaluator.condition("DevOrNamed")).toBe(true);
    expect(gapNames(evaluator.condition("NamedApp"))).toEqual(["AppName"]);
    expect(evaluatorFor({ parameters: { AppName: "shop" } }).condition("NamedApp")).toBe(true);
  });

  test("the ARN of a function or role the template names follows from the name, the Region and the account", () => {
    const options = { region: "eu-west-1", pseudo: { "AWS::AccountId": "123456789012" } };
    expect(evaluate("!GetAtt Named.Arn", options)).toBe("arn:aws:lambda:eu-west-1:123456789012:function:dev-pre-sign-up");
    expect(evaluate("!GetAtt SmsRole.Arn", options)).toBe("arn:aws:iam::123456789012:role/cognito/sms");
    expect(gapNames(evaluate("!GetAtt Named.Arn", { region: "eu-west-1" }))).toEqual(["AWS::AccountId"]);
    expect(gapNames(evaluate("!GetAtt Fn.Arn", options))).toEqual(["Fn.Arn"]);
  });

  test("the partition and URL suffix follow the Region unless given", () => {
    expect(evaluate("!Ref AWS::Partition", { region: "cn-north-1" })).toBe("aws-cn");
    expect(evaluate("!Ref AWS::URLSuffix", { region: "cn-north-1" })).toBe("amazonaws.com.cn");
    expect(evaluate("!Ref AWS::Partition", { region: "us-gov-west-1" })).toBe("aws-us-gov");
    expect(evaluate("!Ref AWS::Partition", { pseudo: { "AWS::Partition": "aws-iso" } })).toBe("aws-iso");
    expect(gapNames(evaluate("!Ref AWS::Partition"))).toEqual(["AWS::Partition"]);
  });

  test("an unresolved value remembers the outermost expression it came from", () => {
    const value = evaluate('!Join ["-", [!Ref AppName, x]]');
    expect(isUnresolved(value) && value.at).toEqual(["Resources", "Probe", "Properties", "Value"]);
  });

  test("never throws, whatever the functions and arguments", () => {
    const names = fc.constantFrom("Ref", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If", "Fn::FindInMap", "Fn::GetAtt", "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not", "Fn::Base64", "Fn::ImportValue", "Fn::Length", "Fn::ToJsonString", "Condition", "Fn::Nope");
    const leaf = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom("Stage", "AppName", "IsProd", "Loop", "StageMap", "dev", "Domain", "Web.Name", "Fn.Arn", "AWS::NoValue", "AWS::Region", "${Stage}", "${AppName}-${!x}"));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.array(tie("value"), { maxLength: 4 }), tie("call"), fc.dictionary(fc.string({ maxLength: 5 }), tie("value"), { maxKeys: 3 })),
      call: fc.tuple(names, tie("value")).map(([name, arg]) => ({ [name]: arg })),
    }));
    const evaluator = evaluatorFor({ region: "eu-west-1" });
    fc.assert(
      fc.property(value, (v) => {
        evaluator.value(v, ["Resources", "Probe"]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parameters", () => {
  test("a value outside AllowedValues is used with a warning; an undeclared one is a warning", () => {
    const { source } = readTemplateSource("template.yaml", TEMPLATE);
    if (!source) throw new Error("unreadable");
    const { values, diagnostics } = readParameters(source, { Stage: "test", Nope: "x" });
    expect(values.get("Stage")).toBe("test");
    expect(diagnostics.map((d) => d.code)).toEqual(["parameter-not-allowed", "unknown-parameter"]);
    expect(diagnostics[0].message).toContain("template.yaml line 3: the value given for parameter Stage");
  });
});
