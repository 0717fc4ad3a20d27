import { readFileSync } from "node:fs";
import { PmgenError } from "../base/diagnostics.js";

/** Reads and parses a JSON file, turning parse errors into a line:column message. */
export function readJsonFile(file: string, displayPath: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new PmgenError(`cannot read file: ${(error as Error).message}`, { file: displayPath });
  }
  return parseJsonText(text, displayPath);
}

export function parseJsonText(text: string, displayPath: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    // "Unexpected end of JSON input" carries no position: the problem is at the end.
    const offset = position ? Number(position[1]) : /end of JSON input/.test(message) ? body.length : undefined;
    const where = offset === undefined ? "" : ` at ${lineColumn(body, offset)}`;
    throw new PmgenError(`not valid JSON${where}: ${message}`, { file: displayPath });
  }
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
