// The text of a PDF as a reader would copy it, by pdf.js (pdf-parse). pdf.js loads its worker with a dynamic
// import, which jest's CommonJS sandbox cannot do, so the parse runs in a child Node process.
import { execFile } from 'node:child_process';

const SCRIPT = `
import { PDFParse } from 'pdf-parse';
const chunks = [];
for await (const c of process.stdin) chunks.push(c);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
const { text, total } = await parser.getText();
await parser.destroy();
process.stdout.write(JSON.stringify({ text, total }));
`;

export function pdfText(pdf: Buffer): Promise<{ text: string; total: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['--input-type=module', '-e', SCRIPT],
      { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
    child.stdin!.end(pdf);
  });
}
