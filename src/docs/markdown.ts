import MarkdownIt from "markdown-it";

/**
 * Markdown of contract descriptions, rendered inert: raw HTML is disabled (it comes out escaped),
 * and only http(s) links and in-page anchors survive; any other link (javascript:, data:, a
 * relative path that would not exist in the site) is rendered as plain text.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });
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

/** Large APIs repeat descriptions (Stripe's `expand` parameter has the same one in every operation). */
const rendered = new Map<string, string>();

/** A description as safe HTML; undefined for no text, so templates can leave the block out. */
export function renderMarkdown(text: unknown): string | undefined {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  // `docs --serve` rebuilds in one process: keep the cache from growing edit after edit.
  if (rendered.size > 50_000) rendered.clear();
  let html = rendered.get(text);
  if (html === undefined) rendered.set(text, (html = markdown.render(text)));
  return html;
}
