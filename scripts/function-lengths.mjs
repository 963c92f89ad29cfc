// Every function in lib/ stays under MAX_LINES lines (CONTRIBUTING.md, "Small files and functions").
// Measured with the TypeScript compiler: a function is a declaration, method, arrow or function expression;
// its length is the lines from its first to its last token. A function nested in another is measured on its
// own and also counts inside its parent. Tests (*.test.ts, *.suite.ts) are exempt, and so are data tables:
// an object or array literal is not a function, so a long table never counts.
// Run by `npm run lint`; prints the offenders and exits 1 when there is one.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const MAX_LINES = 80;
const ROOTS = ["lib"];
const EXEMPT = /\.(test|suite)\.tsx?$|\.d\.ts$/;

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !EXEMPT.test(entry.name) ? [full] : [];
  });
}

function nameOf(node, source) {
  if (node.name) return node.name.getText(source);
  const parent = node.parent;
  if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return parent.name.getText(source);
  return "(anonymous)";
}

function longFunctions(file) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = last - first + 1;
      if (lines > MAX_LINES) found.push({ file, line: first + 1, name: nameOf(node, source), lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const offenders = ROOTS.flatMap(sourceFiles).flatMap(longFunctions).sort((a, b) => b.lines - a.lines);
for (const o of offenders) console.log(`${o.file}:${o.line} ${o.name}: ${o.lines} lines (at most ${MAX_LINES})`);
if (offenders.length > 0) {
  console.log(`${offenders.length} function(s) in ${ROOTS.join(", ")}/ longer than ${MAX_LINES} lines: split them into small functions, one idea each`);
  process.exit(1);
}
