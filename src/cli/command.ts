/**
 * The shape every command shares: its --help and run(). Its name and one-line summary are
 * listed in main.ts, which loads the command's module only when it runs.
 */
export interface IO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress bars and colour are welcome. */
  interactive: boolean;
  /** The terminal's width in columns when stdout is one: tables are made to fit it. */
  width?: number;
  /** Set when a server runs the command for its owner: never send it to a server again. */
  inServer?: boolean;
}

export interface Command {
  help: string;
  run(args: string[], io: IO): Promise<void>;
}

/** A command as main.ts lists it: known by name and summary without loading its module. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}
