// Renders a TSX page to HTML. Preact escapes every text and attribute value, so a `<script>` typed into a
// subject is shown as text.
import type { Response } from 'express';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

export function sendPage(res: Response, page: VNode, status = 200): void {
  res.status(status).type('html').send(renderDocument(page));
}
