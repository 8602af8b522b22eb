// The few static files the pages use: htmx straight from node_modules (no build step) and one stylesheet.
import path from 'node:path';
import express, { Router } from 'express';

export const STATIC_PREFIX = '/web/static';
export const HTMX_PATH = `${STATIC_PREFIX}/htmx.min.js`;
export const STYLESHEET_PATH = `${STATIC_PREFIX}/web.css`;
export const CONSOLE_SCRIPT_PATH = `${STATIC_PREFIX}/console.js`;

const HTMX_FILE = require.resolve('htmx.org/dist/htmx.min.js');

export function staticAssets(): Router {
  const router = Router();
  const options = { maxAge: '1h', immutable: false, fallthrough: false } as const;
  router.get('/htmx.min.js', (_req, res) => {
    res.sendFile(HTMX_FILE, { maxAge: '1d', headers: { 'content-type': 'text/javascript; charset=utf-8' } });
  });
  router.use(express.static(path.join(__dirname, 'static'), options));
  return router;
}
