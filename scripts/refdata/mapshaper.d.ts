// mapshaper ships no type declarations; this is the one call the build uses.
declare module 'mapshaper' {
  /** Runs a mapshaper command line on in-memory inputs; resolves to the output files by name. */
  export function applyCommands(
    commands: string,
    input: Record<string, unknown>,
  ): Promise<Record<string, string | Uint8Array>>;
  const mapshaper: { applyCommands: typeof applyCommands };
  export default mapshaper;
}
