// A browser-like client for console page tests: keeps cookies, reads the form's CSRF token from the page.
import request from 'supertest';
import type { Express } from 'express';

export const CSRF_PATTERN = /name="_csrf" value="([^"]+)"/;

export function csrfFrom(html: string): string {
  const match = CSRF_PATTERN.exec(html);
  if (!match) throw new Error('no CSRF field on the page');
  return match[1]!;
}

export interface ConsoleClient {
  agent: ReturnType<typeof request.agent>;
  get: (path: string) => Promise<request.Response>;
  /** Posts a form with the CSRF token of the page at `formPage` (or of the last page read). */
  post: (
    path: string,
    fields: Record<string, string>,
    options?: { formPage?: string; csrf?: string | null },
  ) => Promise<request.Response>;
}

export function consoleClient(app: Express): ConsoleClient {
  const agent = request.agent(app);
  let lastToken: string | null = null;
  const get = async (path: string) => {
    const res = await agent.get(path);
    const match = CSRF_PATTERN.exec(res.text ?? '');
    if (match) lastToken = match[1]!;
    return res;
  };
  return {
    agent,
    get,
    post: async (path, fields, options = {}) => {
      if (options.formPage) await get(options.formPage);
      const token = options.csrf === undefined ? lastToken : options.csrf;
      const res = await agent
        .post(path)
        .type('form')
        .send({ ...fields, ...(token ? { _csrf: token } : {}) });
      const match = CSRF_PATTERN.exec(res.text ?? '');
      if (match) lastToken = match[1]!;
      return res;
    },
  };
}

export async function signIn(app: Express, username: string, password: string): Promise<ConsoleClient> {
  const client = consoleClient(app);
  const res = await client.post('/console/sign-in', { username, password }, { formPage: '/console/sign-in' });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  await client.get('/console');
  return client;
}
