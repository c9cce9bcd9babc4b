/**
 * Renders N dunning letters to PDF in memory (default 500) and prints letters per second and the
 * peak resident set size. The letter is the typical one: Dutch second reminder, one page, five
 * invoices, payment box with EPC QR code. Usage: npm run bench:letters -- [N] [--claim] [--invoices=K]
 */
import { performance } from 'node:perf_hooks';
import { resourceUsage } from 'node:process';
import { renderLetterPdf } from '../src/modules/dunning/letters/letter-pdf.js';
import { sampleLetter } from '../src/modules/dunning/letters/sample-letter.js';

const args = process.argv.slice(2);
const count = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 500);
const invoiceCount = Number(args.find((arg) => arg.startsWith('--invoices='))?.split('=')[1] ?? 5);
const hasClaim = args.includes('--claim');

const letter = sampleLetter({ language: 'nl', invoiceCount, hasClaim, hasQrCode: true });

// Warm up: module loading and JIT.
for (let i = 0; i < 20; i++) await renderLetterPdf(letter);

let bytes = 0;
const cpuBefore = process.cpuUsage();
const start = performance.now();
for (let i = 0; i < count; i++) {
  const pdf = await renderLetterPdf(letter);
  bytes += pdf.length;
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const first = await renderLetterPdf(letter);
const pages = (first.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

console.log(
  `letters: ${count} (${invoiceCount} invoices${hasClaim ? ', claim' : ''}, ${pages} page(s) each)`,
);
console.log(`time: ${seconds.toFixed(2)} s`);
console.log(`letters/s: ${(count / seconds).toFixed(1)}`);
console.log(`ms/letter: ${((seconds * 1000) / count).toFixed(2)}`);
// CPU time is steadier than wall time on a shared machine: letters per CPU-second on one core.
console.log(
  `cpu ms/letter: ${((cpuSeconds * 1000) / count).toFixed(2)} (${(count / cpuSeconds).toFixed(1)} letters per CPU-second)`,
);
console.log(`average size: ${(bytes / count / 1024).toFixed(1)} KiB`);
console.log(`peak RSS: ${(resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
