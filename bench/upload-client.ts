/**
 * The client side of bench/uploads.ts, in a process of its own so that its buffers do not count
 * in the server's memory: uploads BENCH_UPLOADS distinct 5 MB PDFs to the URL given, CONCURRENCY
 * at a time, and prints one JSON line { seconds, statuses }.
 */
const [url = '', token = '', uploads = '40', concurrency = '8'] = process.argv.slice(2);
const SIZE = 5 * 1024 * 1024;
const files = Array.from({ length: Number(uploads) }, (_, i) => {
  const b = Buffer.alloc(SIZE, 0x20);
  b.write(`%PDF-1.4\n% bench ${i} ${Date.now()}\n`, 0, 'latin1');
  return b;
});
let next = 0;
const statuses: number[] = [];
const started = Date.now();
await Promise.all(
  Array.from({ length: Number(concurrency) }, async () => {
    while (next < files.length) {
      const i = next++;
      const form = new FormData();
      form.append('file', new Blob([files[i] ?? Buffer.alloc(0)]), `scan-${i}.pdf`);
      const res = await fetch(url, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
  }),
);
console.log(JSON.stringify({ seconds: (Date.now() - started) / 1000, statuses }));
