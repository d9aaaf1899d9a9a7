import assert from "node:assert/strict";

/**
 * Asserts that a document is well-formed XML as far as charter's JUnit output can go wrong: tags
 * balance, every `&` starts a known reference, no `<` or `"` appears raw in text or a value.
 * No XML parser ships with charter's dependencies, and this is all the reports need.
 */
export function assertWellFormedXml(xml: string): void {
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml [^?]*\?>\n/, "");
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let end = 0;
  while ((match = token.exec(body))) {
    end = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = match;
    const content = text ?? attrs ?? "";
    assert.doesNotMatch(content, /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/, `a raw & in ${JSON.stringify(content)}`);
    if (text !== undefined) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    else if (!selfClosing) stack.push(name);
  }
  assert.equal(end, body.length, `not XML from offset ${end}: ${JSON.stringify(body.slice(end, end + 40))}`);
  assert.deepEqual(stack, [], "unclosed elements");
}
