/**
 * Errors, warnings and notes that name their source. Every stage reports through these so a
 * user always sees `file › Folder / Item: message`, never a stack trace.
 */

/** Where a thing came from, for messages: the file and the `Folder / Item` path. */
export interface SourceLocation {
  file: string;
  itemPath?: string;
}

/**
 * `warning`: something the user should act on (a value was lost, a request cannot be sent as
 * Postman would send it). `note`: a documented normalization (a step number dropped from a
 * name, a name qualified to be unique), shown with `--verbose`.
 */
export type Severity = "error" | "warning" | "note";

export interface Diagnostic {
  severity: Severity;
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

/** Collects warnings and notes while a stage runs; stages stay pure by returning the list. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  warn(message: string, source: SourceLocation): void {
    this.items.push({ severity: "warning", message, source });
  }

  note(message: string, source: SourceLocation): void {
    this.items.push({ severity: "note", message, source });
  }

  add(diagnostics: readonly Diagnostic[]): void {
    this.items.push(...diagnostics);
  }
}
