/**
 * Errors and warnings that name their source. Every stage reports through these so a user
 * always sees `file › Folder / Item: message`, never a stack trace.
 */
import type { SourceLocation } from "./model/ir.js";

export interface Diagnostic {
  severity: "warning" | "error";
  message: string;
  source: SourceLocation;
}

/** A fatal problem with the input: generation stops and nothing is written. */
export class PmgenError extends Error {
  constructor(
    message: string,
    readonly source: SourceLocation,
  ) {
    super(message);
    this.name = "PmgenError";
  }
}

export function formatSource(source: SourceLocation): string {
  return source.itemPath ? `${source.file} › ${source.itemPath}` : source.file;
}

export function formatDiagnostic(d: Diagnostic | PmgenError): string {
  const severity = d instanceof PmgenError ? "error" : d.severity;
  return `${severity}: ${formatSource(d.source)}: ${d.message}`;
}

/** Collects warnings while a stage runs; stages stay pure by returning the list. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  warn(message: string, source: SourceLocation): void {
    this.items.push({ severity: "warning", message, source });
  }

  add(diagnostics: readonly Diagnostic[]): void {
    this.items.push(...diagnostics);
  }
}
