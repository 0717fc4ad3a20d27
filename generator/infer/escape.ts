/**
 * Making sample text safe inside generated source. Keys, enum values and examples come from
 * collections we do not control, so nothing from them may end a string literal or a comment.
 */

/**
 * A TypeScript string literal: JSON escaping (quotes, backslashes, control characters, lone
 * surrogates) plus the line separators U+2028/U+2029 and `</`, which JSON leaves alone.
 */
export function quote(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/<\//g, "<\\/");
}

/** Text for one line of a block comment: cannot close the comment or start a new line. */
export function commentText(text: string): string {
  return text
    .replace(/\*\//g, "*\\/")
    .replace(/[\r\n\u2028\u2029\u0085]+/g, " ")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");
}
