// Python sources imported as text (Vite's ?raw; scripts/python-text-loader.mjs outside Vite).
declare module '*.py?raw' {
  const text: string;
  export default text;
}
