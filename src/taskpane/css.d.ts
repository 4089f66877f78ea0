// Style sheets are bundled as text (webpack `asset/source`) and put into a <style> element by index.ts.
declare module '*.css' {
  const content: string;
  export default content;
}
