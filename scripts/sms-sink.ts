/**
 * An SMS gateway stand-in for a local trial (docker-compose.yml): accepts POST {to, text, reference}
 * with the bearer token SMS_GATEWAY_TOKEN, prints each message on one line and answers {id}. Never
 * for production: it sends nothing.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

const token = process.env.SMS_GATEWAY_TOKEN ?? '';
const port = Number(process.env.PORT ?? 8025);
createServer((req, res) => {
  if (req.method !== 'POST') return void res.writeHead(405).end();
  if (token && req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(401).end();
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const id = randomUUID();
    console.log(`[SMS] ${Buffer.concat(chunks).toString()}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
  });
}).listen(port, '0.0.0.0', () => console.log(`SMS sink on :${port}`));
