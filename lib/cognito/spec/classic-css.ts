/**
 * The CSS classes the classic hosted UI lets a customization style, from the developer guide page
 * "Customizing hosted UI (classic) branding"
 * (https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html#cognito-user-pools-app-ui-customization-css).
 * Any other selector is refused by SetUICustomization.
 *
 * | class                                   | what it styles                         |
 * |-----------------------------------------|----------------------------------------|
 * | `.background-customizable`              | the page behind the form               |
 * | `.banner-customizable`                  | the banner with the logo               |
 * | `.errorMessage-customizable`            | error messages                         |
 * | `.idpButton-customizable`               | an external provider's button          |
 * | `.idpButton-customizable:hover`         | … under the pointer                    |
 * | `.idpDescription-customizable`          | the text above the provider buttons    |
 * | `.inputField-customizable`              | text inputs                            |
 * | `.inputField-customizable:focus`        | … with the focus                       |
 * | `.label-customizable`                   | field labels                           |
 * | `.legalText-customizable`               | the legal text                         |
 * | `.logo-customizable`                    | the logo                               |
 * | `.submitButton-customizable`            | the sign-in button                     |
 * | `.submitButton-customizable:hover`      | … under the pointer                    |
 * | `.textDescription-customizable`         | descriptive text                       |
 */
export const CLASSIC_CSS_SELECTORS: readonly string[] = [
  ".background-customizable",
  ".banner-customizable",
  ".errorMessage-customizable",
  ".idpButton-customizable",
  ".idpButton-customizable:hover",
  ".idpDescription-customizable",
  ".inputField-customizable",
  ".inputField-customizable:focus",
  ".label-customizable",
  ".legalText-customizable",
  ".logo-customizable",
  ".submitButton-customizable",
  ".submitButton-customizable:hover",
  ".textDescription-customizable",
];

const ALLOWED = new Set(CLASSIC_CSS_SELECTORS);

export interface CssProblem {
  /** 1-based line of the selector. */
  line: number;
  selector: string;
  message: string;
}

/** Comments out, keeping line breaks so positions stay right. */
function stripComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//gu, (comment) => comment.replace(/[^\n]/gu, " "));
}

/**
 * Every selector of `css` that the classic hosted UI does not accept, with its line, plus braces that do not
 * balance. Rule bodies are not checked (the page lists the properties per class; AWS applies what it allows).
 */
export function checkClassicCss(css: string): CssProblem[] {
  const text = stripComments(css);
  const problems: CssProblem[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "{") {
      if (depth === 0) {
        const prelude = text.slice(start, i);
        const line = text.slice(0, start).split("\n").length + (prelude.match(/^\s*/u)?.[0].split("\n").length ?? 1) - 1;
        for (const raw of prelude.split(",")) {
          const selector = raw.trim().replace(/\s+/gu, " ");
          if (selector === "") problems.push({ line, selector, message: "a rule has an empty selector" });
          else if (!ALLOWED.has(selector)) problems.push({ line, selector, message: `${selector} is not a class the hosted UI (classic) lets you style` });
        }
      }
      depth++;
    } else if (ch === "}") {
      depth--;
      if (depth < 0) {
        problems.push({ line: text.slice(0, i).split("\n").length, selector: "}", message: "a closing brace has no opening brace" });
        depth = 0;
      }
      if (depth === 0) start = i + 1;
    }
  }
  if (depth > 0) problems.push({ line: text.split("\n").length, selector: "{", message: "a rule is not closed with }" });
  else if (text.slice(start).trim() !== "") problems.push({ line: text.split("\n").length, selector: text.slice(start).trim().slice(0, 40), message: "text after the last rule is not a rule" });
  return problems;
}
