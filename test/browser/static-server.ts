// A static file server on 127.0.0.1 for unzipped packages and the test LMS pages.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.xml': 'application/xml',
};

export interface StaticServer {
  origin: string;
  /** Serves the folder under the URL prefix (e.g. "/course/"). */
  mount(prefix: string, folder: string): void;
  /** Serves generated content at an exact path. */
  page(path: string, html: string): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<StaticServer> {
  const mounts = new Map<string, string>();
  const pages = new Map<string, string>();
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const generated = pages.get(path);
    if (generated !== undefined) return void response.writeHead(200, { 'content-type': TYPES['.html'] }).end(generated);
    for (const [prefix, folder] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(folder, path.slice(prefix.length)));
      if (!file.startsWith(folder)) break;
      try {
        const body = await readFile(file);
        return void response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        break;
      }
    }
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    mount: (prefix, folder) => void mounts.set(prefix, normalize(folder)),
    page: (path, html) => void pages.set(path, html),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
