/**
 * Node flags per CLI command. `edi import` streams files of any size and holds one batch at a time (30 to 60 MB
 * live, printing included): a small young generation and a bounded old one keep its memory flat, where V8's
 * defaults let the garbage of a long import grow the heap past 150 MB. Beside it, SQLite's page cache (16 MB) and
 * node itself. The benchmark's memory child runs with the same flags.
 */
export const EDI_IMPORT_NODE_FLAGS = ['--max-old-space-size=96', '--max-semi-space-size=2'];

export function nodeFlagsFor(args) {
  return args[0] === 'edi' && args[1] === 'import' ? EDI_IMPORT_NODE_FLAGS : [];
}
