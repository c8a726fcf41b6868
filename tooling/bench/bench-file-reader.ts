/**
 * `npx tsx tooling/bench/bench-file-reader.ts`: how fast the file reader of Batch turns a contact list into
 * records, without n8n or Mapp around it. It writes 1,000,000 generated contact rows (about 100 MB) as CSV in
 * UTF-8, as CSV in Windows-1252 and as JSON Lines to temporary files, then reads each in a fresh process from a
 * file stream of 64 KiB chunks (as n8n's getBinaryStream reads a binary file), and prints rows/s, MB/s and the
 * process's peak RSS. The figures come from the wall time; the CPU time is printed beside it, as it varies less on a
 * busy machine. The floor reads the CSV file and only decodes it and counts its lines. Figures only.
 *
 *   BENCH_ROWS=100000 npx tsx tooling/bench/bench-file-reader.ts     another row count
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRecordsByChunk, type CsvOptions, type FileFormat } from '../product';
import { formatMegabytes as mb } from '../n8n/memory';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const CHUNK_BYTES = 64 * 1024;

interface Scenario {
	name: string;
	file: string;
	format: FileFormat | 'floor';
	options: CsvOptions;
}

interface Measured {
	records: number;
	bytes: number;
	ms: number;
	/** CPU time (user and system) of the reading: on a shared machine, steadier than the wall time. */
	cpuMs: number;
	peakRssBytes: number;
}

const CITIES = ['Berlin', 'München', 'Hamburg', 'Wien', 'Zürich', 'Köln'];

/** One contact as a CRM exports it; every seventh has a note that needs quotes. */
function contact(i: number): Record<string, string> {
	const id = String(i).padStart(7, '0');
	return {
		email: `contact${id}@example.com`,
		firstName: `First${i}`,
		lastName: i % 2 === 0 ? 'Müller' : 'Schmidt',
		city: CITIES[i % CITIES.length],
		zip: String(10000 + (i % 89999)),
		phone: `+49301234${id}`,
		group: String(100 + (i % 3)),
		score: String(i % 100),
		note: i % 7 === 0 ? 'VIP, "gold" tier' : 'regular customer',
	};
}

function csvCell(value: string): string {
	return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes the file in pieces, so that the generator never holds it as one string. */
function writeRows(
	file: string,
	encoding: BufferEncoding,
	header: string,
	row: (i: number) => string,
): number {
	const pieces: Buffer[] = [Buffer.from(header, encoding)];
	for (let start = 0; start < ROWS; start += 10_000) {
		const lines: string[] = [];
		for (let i = start; i < Math.min(ROWS, start + 10_000); i++) lines.push(row(i));
		pieces.push(Buffer.from(lines.join(''), encoding));
	}
	const bytes = Buffer.concat(pieces);
	writeFileSync(file, bytes);
	return bytes.length;
}

async function measure(scenario: Scenario): Promise<Measured> {
	const started = performance.now();
	const cpuAtStart = process.cpuUsage();
	const stream = createReadStream(scenario.file, { highWaterMark: CHUNK_BYTES });
	let records = 0;
	let bytes = 0;
	const counted = async function* () {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			bytes += chunk.length;
			yield chunk;
		}
	};
	if (scenario.format === 'floor') {
		const decoder = new TextDecoder('utf-8', { fatal: true });
		for await (const chunk of counted()) {
			const text = decoder.decode(chunk, { stream: true });
			for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) records++;
		}
		records--; // the header
	} else {
		for await (const chunkRecords of readRecordsByChunk(
			counted(),
			scenario.format,
			scenario.options,
		)) {
			records = chunkRecords[chunkRecords.length - 1].recordNumber;
		}
	}
	const ms = performance.now() - started;
	const cpu = process.cpuUsage(cpuAtStart);
	const cpuMs = (cpu.user + cpu.system) / 1000;
	return { records, bytes, ms, cpuMs, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

function scenarios(dir: string): Scenario[] {
	const utf8: CsvOptions = { delimiter: ',', encoding: 'utf-8' };
	return [
		{
			name: 'floor: decode UTF-8, count lines',
			file: path.join(dir, 'contacts.csv'),
			format: 'floor',
			options: utf8,
		},
		{
			name: 'CSV, UTF-8, delimiter ,',
			file: path.join(dir, 'contacts.csv'),
			format: 'csv',
			options: utf8,
		},
		{
			name: 'CSV, UTF-8, delimiter detected',
			file: path.join(dir, 'contacts.csv'),
			format: 'csv',
			options: { ...utf8, delimiter: 'auto' },
		},
		{
			name: 'CSV, Windows-1252',
			file: path.join(dir, 'contacts-1252.csv'),
			format: 'csv',
			options: { ...utf8, encoding: 'windows-1252' },
		},
		{
			name: 'JSON Lines, UTF-8',
			file: path.join(dir, 'contacts.jsonl'),
			format: 'jsonl',
			options: utf8,
		},
	];
}

async function main(): Promise<void> {
	const [role, index, dir] = process.argv.slice(2);
	if (role === 'measure') {
		process.stdout.write(JSON.stringify(await measure(scenarios(dir)[Number(index)])));
		return;
	}
	const workDir = mkdtempSync(path.join(tmpdir(), 'file-reader-bench-'));
	try {
		const columns = Object.keys(contact(0));
		const csvRow = (i: number) => `${Object.values(contact(i)).map(csvCell).join(',')}\r\n`;
		const header = `${columns.join(',')}\r\n`;
		writeRows(path.join(workDir, 'contacts.csv'), 'utf8', `\ufeff${header}`, csvRow);
		writeRows(path.join(workDir, 'contacts-1252.csv'), 'latin1', header, csvRow);
		writeRows(
			path.join(workDir, 'contacts.jsonl'),
			'utf8',
			'',
			(i) => `${JSON.stringify(contact(i))}\n`,
		);
		console.log(
			`${ROWS.toLocaleString('en')} contact rows, read in chunks of ${CHUNK_BYTES / 1024} KiB, one process each`,
		);
		scenarios(workDir).forEach((scenario, i) => {
			const output = execFileSync(
				process.execPath,
				['--import', 'tsx', __filename, 'measure', String(i), workDir],
				{
					encoding: 'utf8',
				},
			);
			const { records, bytes, ms, cpuMs, peakRssBytes } = JSON.parse(output) as Measured;
			const perSecond = (n: number) => Math.round((n * 1000) / ms).toLocaleString('en');
			console.log(
				`${scenario.name.padEnd(34)} ${records.toLocaleString('en').padStart(10)} records  ` +
					`${(bytes / 1e6).toFixed(1).padStart(6)} MB  ${(ms / 1000).toFixed(2).padStart(6)} s ` +
					`(CPU ${(cpuMs / 1000).toFixed(2)} s)  ` +
					`${perSecond(records).padStart(10)} rows/s  ${(bytes / 1e3 / ms).toFixed(1).padStart(6)} MB/s  ` +
					`peak RSS ${mb(peakRssBytes)}`,
			);
		});
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

void main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
