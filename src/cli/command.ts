/** The shape every command shares: a name, one line of summary, its --help, and run(). */
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
  name: string;
  summary: string;
  help: string;
  run(args: string[], io: IO): Promise<void>;
}
