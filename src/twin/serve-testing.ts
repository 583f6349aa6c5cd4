/**
 * A loopback HTTP server for tests that need real answers from a network (hostile ones included): each path is
 * answered by its handler, anything else 404; every path asked is listed. Test support only (Node's http).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFiles {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** The paths asked for, in order. */
  asked: string[];
  close(): Promise<void>;
}

/** Starts the server on a free port. */
export async function serveFiles(files: Record<string, (res: ServerResponse) => void>): Promise<ServedFiles> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname;
    asked.push(path);
    (files[path] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    asked,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
