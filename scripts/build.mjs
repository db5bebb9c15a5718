/**
 * The build that bin/crisismap.js runs: the TypeScript in src/ compiled to dist/ (tsc with
 * tsconfig.build.json), with the files the program reads at run time copied beside it, so
 * that dist/ works on its own: the shipped boundaries (dist/render/boundaries) and the
 * dashboard (dist/web/public). Then the files in BUNDLED, which only re-export libraries of
 * hundreds of modules, are replaced by those libraries bundled into one file each (esbuild):
 * Node loads one file much faster than hundreds, which is most of a chart's or a count's start.
 * Last, the modules in PREPARED make what they would otherwise recompute at every start (the
 * shipped boundaries, packed to read fast).
 *
 * It runs at install (npm's `prepare`), on first use, and whenever a source is newer than the
 * build (after a `git pull` or an edit): a stale build is rebuilt, never run. Finding out is
 * cheap: one stat per source file, a few milliseconds. A lock lets two processes that start
 * together (tests, a shell loop) build once; the other waits.
 *
 *   node scripts/build.mjs          build now (npm run build)
 *   node scripts/build.mjs --stale  build only when missing or stale (before the tests)
 *   import { ensureBuilt } ...      build only when missing or stale (the bin)
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Folders of src/ that are read at run time, not compiled: copied to the same place in dist/. */
export const ASSETS = ['render/boundaries', 'web/public', 'model/countries.tsv'];
/**
 * Files of src/ that re-export a library and nothing else, with the packages left outside the
 * bundle: native code, found at run time by require. Each compiled file is replaced by its
 * library bundled into one file; dist/bundled.json says which packages each one holds.
 */
export const BUNDLED = {
  'store/duckdb.ts': ['@duckdb/node-bindings'],
  'render/vega-bundle.ts': [],
};
export const BUNDLED_LIST = 'bundled.json';
/**
 * Compiled modules that prepare, in dist/, files they read at run time, with the function that
 * does it: the shipped boundaries packed for reading fast (src/render/topology.ts). Each runs
 * in a process of its own once everything else is in dist/.
 */
export const PREPARED = { 'render/boundaries.js': 'packBoundaries' };
/** Besides src/, what changes the build. */
const CONFIGS = ['tsconfig.json', 'tsconfig.build.json'];
const STAMP = '.built.json';
const LOCK = '.building';

/** The files the build is made from: src/ without tests, snapshots or notes. */
export function buildInputs(root = ROOT) {
  const files = [];
  // By hand rather than readdirSync's `recursive`: about half the work, and this runs at every start.
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name !== '__snapshots__') walk(join(dir, entry.name));
      } else if (!entry.name.endsWith('.test.ts') && !entry.name.endsWith('.md')) {
        files.push(join(dir, entry.name));
      }
    }
  };
  walk(join(root, 'src'));
  return [...files, ...CONFIGS.map((name) => join(root, name)).filter((file) => existsSync(file))];
}

/** Why dist/ cannot be run as it is, or undefined when it is up to date with src/. */
export function staleReason(root = ROOT) {
  const dist = join(root, 'dist');
  if (!existsSync(join(root, 'src'))) return existsSync(join(dist, 'cli', 'main.js')) ? undefined : 'neither src/ nor dist/ is here';
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dist, STAMP), 'utf8'));
  } catch {
    return 'not built yet';
  }
  const inputs = buildInputs(root);
  if (inputs.length !== stamp.inputs) return `${Math.abs(inputs.length - stamp.inputs)} source file(s) added or removed since the last build`;
  for (const file of inputs) {
    // Whole milliseconds, as Date.now() gave `started`: a file written in the millisecond the build began is in it.
    if (Math.floor(statSync(file).mtimeMs) > stamp.started) return `${relative(root, file)} changed since the last build`;
  }
  return undefined;
}

/** Builds dist/ from src/: compile, drop what no longer has a source, copy the assets, stamp. */
export function build(root = ROOT, log = (text) => process.stderr.write(text), compilerOutput = 2) {
  const started = Date.now();
  const inputs = buildInputs(root).length;
  const dist = join(root, 'dist');
  mkdirSync(dist, { recursive: true });
  rmSync(join(dist, STAMP), { force: true });
  let tsc;
  try {
    tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  } catch {
    throw new Error('crisismap needs building, and TypeScript is not installed: run `npm install` first');
  }
  // stdout of the compiler goes to our stderr: a command's output stays clean for pipes.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process');
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: ['ignore', compilerOutput, compilerOutput] });
  if (run.status !== 0) throw new Error(`the TypeScript compiler failed (above): dist/ was not updated to run`);
  removeOrphans(root, dist);
  bundle(root, dist, log);
  for (const asset of ASSETS) {
    rmSync(join(dist, asset), { recursive: true, force: true });
    if (existsSync(join(root, 'src', asset))) cpSync(join(root, 'src', asset), join(dist, asset), { recursive: true });
  }
  prepare(dist, compilerOutput);
  writeFileSync(join(dist, STAMP), JSON.stringify({ started, inputs }) + '\n');
  log(`crisismap: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/**
 * Replaces the compiled BUNDLED files with their libraries bundled (see BUNDLED). Without
 * esbuild (an install without the development tools), the compiled re-exports stay: slower
 * to start, the same output.
 */
function bundle(root, dist, log) {
  let esbuild;
  try {
    esbuild = createRequire(join(root, 'package.json'))('esbuild');
  } catch {
    log('crisismap: esbuild is not installed, so libraries are loaded file by file (slower to start)\n');
    rmSync(join(dist, BUNDLED_LIST), { force: true });
    return;
  }
  const holds = {};
  for (const [file, external] of Object.entries(BUNDLED)) {
    if (!existsSync(join(root, 'src', file))) continue;
    const out = file.replace(/\.ts$/, '.js');
    const result = esbuild.buildSync({
      entryPoints: [join(root, 'src', file)],
      outfile: join(dist, out),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external,
      metafile: true,
      logLevel: 'error',
      // CommonJS inside the bundle requires what was left outside (native bindings) at run time.
      banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    });
    const packages = new Set();
    for (const input of Object.keys(result.metafile.inputs)) {
      const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (match) packages.add(match[1]);
    }
    holds[out] = [...packages].sort();
  }
  writeFileSync(join(dist, BUNDLED_LIST), JSON.stringify(holds, null, 1) + '\n');
}

/** Runs each PREPARED module's function in dist/ (see PREPARED). */
function prepare(dist, output) {
  const { spawnSync } = createRequire(import.meta.url)('node:child_process');
  for (const [file, name] of Object.entries(PREPARED)) {
    const module = join(dist, file);
    if (!existsSync(module)) continue;
    const script = `await (await import(${JSON.stringify(pathToFileURL(module).href)}))[${JSON.stringify(name)}]();`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', output, output] });
    if (run.status !== 0) throw new Error(`${file} failed to prepare its files (above): dist/ was not updated to run`);
  }
}

/** Compiled files whose source was deleted or moved: running them could mislead. */
function removeOrphans(root, dist) {
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    const rel = relative(dist, file);
    if (ASSETS.some((asset) => rel.startsWith(asset + sep))) continue;
    if (!existsSync(join(root, 'src', rel.replace(/\.js$/, '.ts')))) rmSync(file);
  }
}

/** Builds unless dist/ is up to date; waits for a build another process is running. */
export function ensureBuilt(root = ROOT, log = (text) => process.stderr.write(text)) {
  if (!staleReason(root)) return;
  withLock(root, () => {
    const reason = staleReason(root);
    if (!reason) return; // another process built it while we waited
    log(`crisismap: building (${reason})…\n`);
    build(root, log);
  });
}

/** Runs fn holding dist/.building, so that one process builds at a time. */
export function withLock(root, fn) {
  const lock = join(root, 'dist', LOCK);
  mkdirSync(join(root, 'dist'), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A build killed half-way leaves its lock: older than any real build, it is taken over.
      if (Date.now() - lockAge(lock) > 5 * 60_000) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`waited 10 minutes for another build (${lock}); remove that folder if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockAge(lock) {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return Date.now();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    if (process.argv.includes('--stale')) ensureBuilt();
    else withLock(ROOT, () => build());
  } catch (error) {
    process.stderr.write(`crisismap: ${error.message}\n`);
    process.exit(1);
  }
}
