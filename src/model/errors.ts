/** The one error type the interfaces turn into a message and an exit code (CLI) or a 4xx (HTTP). */
export class CrisisError extends Error {
  constructor(
    message: string,
    /** Further lines: the rows that failed, hints. */
    readonly details: string[] = [],
    /** 2: the user's input or files; 3: the store (locked, missing). */
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CrisisError';
  }
}
