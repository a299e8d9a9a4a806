// Where a packaged app's process entries really live. electron-builder unpacks
// out/main/python-*.js (asarUnpack in electron-builder.config.ts) because a utility
// process's worker threads cannot load code from inside app.asar.
const insideAsar = /([\\/])app\.asar([\\/])/;

/** The same file under app.asar.unpacked; paths outside an archive are returned unchanged. */
export function unpackedPath(file: string): string {
  return file.replace(insideAsar, '$1app.asar.unpacked$2');
}
