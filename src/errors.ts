/**
 * An error in what the user gave (a path, a ref, a config, a contract), as opposed to a bug.
 * The CLI prints it as one line, `file:line:col: message`, and exits 2.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = "InputError";
  }

  toString(): string {
    const where = [this.file, this.line, this.column].filter((part) => part !== undefined).join(":");
    return where ? `${where}: ${this.message}` : this.message;
  }
}
