/**
 * A minimal webhook receiver for the getting-started guide: verifies each delivery's Standard
 * Webhooks signature with @wekeza/sdk and prints `verified <type> <webhook-id>` (or why it refused).
 * `WEBHOOK_SECRET=whsec_… RECEIVER_PORT=4000 node packages/sdk/examples/webhook-receiver.ts`
 */
import { createServer } from 'node:http';
import { verifyWebhook } from '@wekeza/sdk';

const secret = process.env.WEBHOOK_SECRET ?? '';
const port = Number(process.env.RECEIVER_PORT ?? 4000);

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    try {
      // Verify the raw body as received, before parsing it.
      const event = verifyWebhook(secret, request.headers, Buffer.concat(chunks).toString('utf8'));
      console.log(`verified ${event.type} ${request.headers['webhook-id']}`);
      response.writeHead(204).end();
    } catch (err) {
      console.log(`refused: ${(err as Error).message}`);
      response.writeHead(400).end();
    }
  });
}).listen(port, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${port}/webhooks`));
