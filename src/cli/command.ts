/** The shape every command shares: a name, one line of summary, its --help, and run(). */
export interface IO {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal: progress bars and colour are welcome. */
  interactive: boolean;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: string[], io: IO): Promise<void>;
}
