import { execFile } from "node:child_process";

/**
 * Runs a python3 snippet with boto3 against moto: "behind the studio's back", the way another tool or a
 * colleague with the AWS CLI would change a resource. The snippet gets `client(service)` (a boto3 client
 * for the endpoint and region) and `args` (the JSON given here); whatever it assigns to `result` is printed
 * as JSON and returned.
 */
export function runBoto3<T = unknown>(endpoint: string, region: string, code: string, args: unknown = {}): Promise<T> {
  const program = [
    "import json, sys, boto3",
    "args = json.loads(sys.argv[1])",
    `def client(service, region=${JSON.stringify(region)}):`,
    `    return boto3.client(service, region_name=region, endpoint_url=${JSON.stringify(endpoint)}, aws_access_key_id="testing", aws_secret_access_key="testing")`,
    "result = None",
    code,
    "print(json.dumps(result, default=str))",
  ].join("\n");
  return new Promise((resolve, reject) => {
    execFile("python3", ["-c", program, JSON.stringify(args)], { timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`boto3 snippet failed: ${stderr || error.message}`));
      resolve(JSON.parse(stdout) as T);
    });
  });
}
