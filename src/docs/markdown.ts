import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/**
 * Markdown of contract descriptions, rendered inert. Raw HTML is allowed (Stripe writes its
 * descriptions in it) and then sanitised by sanitize-html against an allow-list of formatting
 * tags; any other tag is shown escaped, as text, without its attributes. Only http(s) links and
 * in-page anchors survive; any other link (javascript:, data:, a relative path that would not
 * exist in the site) is rendered as plain text.
 */
const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });
// Images would load from anywhere the description names (a tracking pixel at best).
markdown.disable("image");

/**
 * Escapes as handlebars does, `=` included, so that even inert text such as
 * `<img onerror=...>` never shows up as `onerror=` in the page a scanner reads.
 */
const escape = (text: string): string =>
  text.replace(/[&<>"'=`]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
markdown.renderer.rules.text = (tokens, idx) => escape(tokens[idx].content);
markdown.renderer.rules.code_inline = (tokens, idx) => `<code>${escape(tokens[idx].content)}</code>`;
markdown.renderer.rules.code_block = (tokens, idx) => `<pre><code>${escape(tokens[idx].content)}</code></pre>\n`;
markdown.renderer.rules.fence = (tokens, idx) => `<pre><code>${escape(tokens[idx].content)}</code></pre>\n`;

const SAFE_LINK = /^(https?:\/\/|#)/i;
markdown.validateLink = (url: string): boolean => SAFE_LINK.test(url.trim());

// Links leave the site: open them without handing the docs page to the target.
const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const href = tokens[idx].attrGet("href") ?? "";
  if (!href.startsWith("#")) tokens[idx].attrSet("rel", "noopener noreferrer");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Formatting, lists, code and tables: nothing that loads, runs, submits or styles. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "b", "i", "u", "s", "code", "pre", "kbd", "sub", "sup", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "a", "span"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  transformTags: {
    // A link the site cannot honour keeps its text; one that leaves the site does not hand it the page.
    a: (_tag, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim() ?? "";
      if (!SAFE_LINK.test(href)) return { tagName: "span", attribs: {} };
      return { tagName: "a", attribs: href.startsWith("#") ? { href } : { href, rel: "noopener noreferrer" } };
    },
  },
};

/** `=` and `` ` `` in text escaped as handlebars does (`escape` above), also in the text of an escaped tag. */
const escapeText = (html: string): string =>
  html.split(/(<[^>]*>)/).map((part, i) => (i % 2 ? part : part.replace(/[=`]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`))).join("");

/**
 * Markdown-it's own output, for a description without raw HTML: every tag and attribute comes
 * from the rules above (text escaped, links checked), so only the attributes the allow-list would
 * drop are dropped (a link's title, a table cell's alignment style, a list's start). Most
 * descriptions take this way; sanitize-html, which parses the HTML again, is kept for raw HTML.
 */
type Token = ReturnType<MarkdownIt["parse"]>[number];

function renderWithoutHtml(tokens: Token[]): string | undefined {
  const raw = (token: Token): boolean => token.type === "html_block" || token.type === "html_inline" || (token.children ?? []).some(raw);
  if (tokens.some(raw)) return undefined;
  const strip = (token: Token): void => {
    token.attrs = token.type === "link_open" ? (token.attrs ?? []).filter(([name]) => name === "href") : null;
    token.children?.forEach(strip);
  };
  tokens.forEach(strip);
  return markdown.renderer.render(tokens, markdown.options, {});
}

/** Large APIs repeat descriptions (Stripe's `expand` parameter has the same one in every operation). */
const rendered = new Map<string, string>();

/** A description as safe HTML; undefined for no text, so templates can leave the block out. */
export function renderMarkdown(text: unknown): string | undefined {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  // `docs --serve` rebuilds in one process: keep the cache from growing edit after edit.
  if (rendered.size > 50_000) rendered.clear();
  let html = rendered.get(text);
  if (html === undefined) {
    const tokens = markdown.parse(text, {});
    html = renderWithoutHtml(tokens) ?? escapeText(sanitizeHtml(markdown.renderer.render(tokens, markdown.options, {}), SANITIZE));
    rendered.set(text, html);
  }
  return html;
}
