/**
 * Imported first by main.ts, before any other module of the server loads.
 *
 * The TypeScript loader (tsx) turns Node's source maps on, and Node then
 * decodes and keeps the inline source map of every module it loads: about
 * 20 MB of a server instance's resident memory (docs/operations.md "Memory").
 * A server keeps them only when asked for TypeScript line numbers in its
 * stack traces: `NODE_OPTIONS=--enable-source-maps npm run server`.
 */
export function sourceMapsWanted(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].includes('--enable-source-maps')
}

if (!sourceMapsWanted(process.execArgv, process.env.NODE_OPTIONS)) process.setSourceMapsEnabled(false)
