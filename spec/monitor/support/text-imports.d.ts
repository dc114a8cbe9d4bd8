/**
 * Files the monitor's browser specs import as text (`with { type: 'text' }`, bundled by esbuild):
 * the page's skeleton and style sheet.
 */
declare module '*.css' {
  /** The file's text. */
  const text: string;
  export default text;
}
declare module '*.html' {
  /** The file's text. */
  const text: string;
  export default text;
}
