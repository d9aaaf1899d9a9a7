import Handlebars from "handlebars";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { PACKAGE_ROOT } from "../resources.js";

export interface Renderer {
  /** A page: the template `NAME.hbs` rendered inside `layout.hbs`. */
  page(name: string, data: object): string;
  /** The static files (stylesheet, script) under their site paths. */
  assets(): [string, string][];
}

/**
 * Handlebars over the templates folder: `layout.hbs`, one template per page kind, and the
 * partials in `partials/`. Handlebars escapes every `{{value}}`; the only unescaped values are
 * `{{{body}}}` (a page rendered by these templates) and `{{{description}}}`s, which markdown.ts
 * renders inert (escaped Markdown, raw HTML through sanitize-html's allow-list); `breakable` escapes before it adds its `<wbr>`s.
 */
export function createRenderer(dir = join(PACKAGE_ROOT, "templates", "docs")): Renderer {
  const hbs = Handlebars.create();
  hbs.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hbs.registerHelper("lower", (value: unknown) => String(value ?? "").toLowerCase());
  // A long path or qualified name in a narrow column wraps after a `/`, `.` or `:`, not inside a
  // word, and keeps a file's extension with its name.
  hbs.registerHelper("breakable", (value: unknown) => new hbs.SafeString(hbs.escapeExpression(String(value ?? "")).replace(/[/:]|\.(?![a-z0-9]{1,5}$)/gi, "$&<wbr>")));
  const partials = join(dir, "partials");
  for (const file of readdirSync(partials).filter((f) => f.endsWith(".hbs"))) {
    hbs.registerPartial(basename(file, ".hbs"), readFileSync(join(partials, file), "utf8"));
  }
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  // preventIndent: a partial called from an indented line would indent each line of a <pre> example.
  // knownHelpersOnly: a `{{name}}` is a lookup, not a call to a helper looked up at run time, which
  // a Stripe page (10 MB, ~100,000 schema nodes) pays for at every value.
  const options: CompileOptions = { strict: false, preventIndent: true, knownHelpers: { eq: true, lower: true, breakable: true }, knownHelpersOnly: true };
  const template = (name: string): HandlebarsTemplateDelegate => {
    let t = compiled.get(name);
    if (!t) compiled.set(name, (t = hbs.compile(readFileSync(join(dir, `${name}.hbs`), "utf8"), options)));
    return t;
  };
  return {
    page: (name, data) => template("layout")({ ...data, body: template(name)(data) }),
    assets: () => readdirSync(join(dir, "assets")).map((file) => [`assets/${file}`, readFileSync(join(dir, "assets", file), "utf8")]),
  };
}
