/**
 * Comments around a proto element, read from the source text rather than from the descriptors'
 * source info: buf keeps a comment on the element's own line only for some elements (not after a
 * message's `{`), and directives must work the same on every element.
 */

/** The text of a comment on one line (after `//`, or inside a one-line or continued block comment), if the line has one. */
function commentOf(line: string, whole: boolean): string | undefined {
  const trimmed = line.trim();
  if (whole) {
    // A line that is only a comment: `// text`, `/* text */`, or a block comment's ` * text`.
    const match = /^(?:\/\/+|\/\*+|\*+(?!\/))\s?(.*?)(?:\*\/)?$/.exec(trimmed);
    return match ? match[1].trim() : undefined;
  }
  const at = line.indexOf("//");
  return at === -1 ? undefined : line.slice(at + 2).trim();
}

/**
 * The comments that belong to the element starting on `line` (1-based): the one at the end of
 * that line, and the run of comment-only lines right above it (a blank line ends the run).
 */
export function commentsAt(text: string, line: number): string[] {
  const lines = text.split("\n");
  const comments: string[] = [];
  const own = commentOf(lines[line - 1] ?? "", false);
  if (own) comments.push(own);
  for (let i = line - 2; i >= 0; i--) {
    const comment = commentOf(lines[i], true);
    if (comment === undefined) break;
    comments.push(comment);
  }
  return comments;
}

export interface CommentLine {
  line: number;
  column: number;
  text: string;
}

/** Every `//` comment of a file with where it starts (1-based), for file-wide directives. */
export function lineComments(text: string): CommentLine[] {
  return text.split("\n").flatMap((line, i) => {
    const at = line.indexOf("//");
    return at === -1 ? [] : [{ line: i + 1, column: at + 1, text: line.slice(at + 2).trim() }];
  });
}
