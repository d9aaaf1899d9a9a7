/**
 * Turning contract text into TypeScript safely: identifiers that are never keywords, comments that
 * cannot be closed early, string literals that cannot be escaped from. Every value the client
 * templates insert goes through one of these, which is why the templates render without HTML escaping.
 */

/** Reserved words, strict-mode words and names a class member or module binding must not take. */
const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if " +
    "import in instanceof new null return super switch this throw true try typeof var void while with yield let static " +
    "implements interface package private protected public await async of any boolean number string symbol never unknown " +
    "undefined object type from as arguments eval constructor prototype"
  ).split(" "),
);

function words(text: string): string[] {
  // Split on anything that is not a letter or digit, and between a lower case letter and an upper case one.
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

/** `my-op.v2` → `myOpV2`; a keyword gets a trailing `_`, a leading digit a leading `_`. */
export function camelIdentifier(text: string): string {
  const parts = words(text);
  const name = parts.map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1))).join("") || "operation";
  const safe = /^[0-9]/.test(name) ? `_${name}` : name;
  return RESERVED.has(safe) ? `${safe}_` : safe;
}

/** `my-op.v2` → `MyOpV2`, for type names (which are then suffixed, so never keywords). */
export function pascalIdentifier(text: string): string {
  const camel = camelIdentifier(text).replace(/_$/, "");
  return camel[0] === "_" ? camel : camel[0].toUpperCase() + camel.slice(1);
}

/** The lines of a JSDoc comment body; `*\/` in the text cannot end the comment. */
export function jsdoc(text: string, indent = ""): string {
  const lines = text.trim().replace(/\*\//g, "*\\/").split(/\r?\n/);
  return [`${indent}/**`, ...lines.map((line) => `${indent} * ${line}`.trimEnd()), `${indent} */`].join("\n");
}

/**
 * A double-quoted string literal. JSON's escaping covers quotes, backslashes and control
 * characters; a backtick or `${` has no meaning inside double quotes, and U+2028/U+2029 are escaped
 * so that the text reads the same in any editor.
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A JSON value as a TypeScript expression, with the same escaping as stringLiteral. */
export function jsonLiteral(value: unknown): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A line comment's text: a line break in contract text must not start a line of code. */
export function lineCommentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}

/** A folder and npm package name from a contract id: `shop.orders.v1` stays, anything odd becomes `-`. */
export function packageName(id: string): string {
  return (
    id
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[._-]+|-+$/g, "") || "contract"
  );
}
