// Documents are accepted by what their bytes are, not by their names.
import { safeFileName, sniffDocumentType } from '../../src/petitions/documents/content-type';
import {
  docxFile,
  exeFile,
  htmlFile,
  jpegFile,
  odtFile,
  pdfFile,
  plainZipFile,
  pngFile,
  zipOf,
} from '../support/document-files';

test('when the bytes are a PDF, JPEG, PNG, DOCX or ODT, then that is the type', () => {
  expect(sniffDocumentType(pdfFile())).toBe('pdf');
  expect(sniffDocumentType(jpegFile())).toBe('jpeg');
  expect(sniffDocumentType(pngFile())).toBe('png');
  expect(sniffDocumentType(docxFile())).toBe('docx');
  expect(sniffDocumentType(odtFile())).toBe('odt');
});

test('when the bytes are anything else, then nothing is accepted, whatever the name would say', () => {
  expect(sniffDocumentType(htmlFile())).toBeNull();
  expect(sniffDocumentType(exeFile())).toBeNull();
  expect(sniffDocumentType(plainZipFile())).toBeNull();
  expect(sniffDocumentType(Buffer.from('%PD'))).toBeNull();
  expect(sniffDocumentType(Buffer.alloc(0))).toBeNull();
  // An ODF package of another kind (a spreadsheet) and a macro-enabled Word package are refused.
  expect(
    sniffDocumentType(zipOf([{ name: 'mimetype', content: 'application/vnd.oasis.opendocument.spreadsheet' }])),
  ).toBeNull();
  expect(
    sniffDocumentType(
      zipOf([
        { name: '[Content_Types].xml', content: '<Types/>' },
        { name: 'word/document.xml', content: '<w/>' },
        { name: 'word/vbaProject.bin', content: 'x' },
      ]),
    ),
  ).toBeNull();
});

test('when a name disagrees with the content, then the extension of the content is added and paths are dropped', () => {
  expect(safeFileName('don-khieu-nai.pdf', 'pdf')).toBe('don-khieu-nai.pdf');
  expect(safeFileName('trang.html', 'pdf')).toBe('trang.html.pdf');
  expect(safeFileName('../../etc/ảnh "chụp".JPEG', 'jpeg')).toBe('ảnh chụp.JPEG');
  expect(safeFileName(undefined, 'odt')).toBe('tai-lieu.odt');
});
