// Runs rollup's native addon over a corpus and prints one line per file:
// the file, a hash of parse()'s AST buffer, xxhashBase64Url() of its
// bytes, and a hash of parseAsync()'s buffer (the work runs on libuv's
// thread pool, threads started after the addon was loaded).  A worker
// thread loads the addon again and parses the first file.
//   node rollup-native.js ADDON.node FILE...
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');

const sha = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);

if (!isMainThread) {
	const m = require(workerData.addon);
	parentPort.postMessage(sha(m.parse(fs.readFileSync(workerData.file, 'utf8'), false, false)));
	return;
}

async function main() {
	const [addon, ...files] = process.argv.slice(2);
	const m = require(addon);
	for (const f of files) {
		const src = fs.readFileSync(f);
		const code = src.toString('utf8');
		const ast = sha(m.parse(code, false, false));
		const async = sha(await m.parseAsync(code, false, false));
		console.log(`${f} ${ast} ${m.xxhashBase64Url(src)} ${async}`);
	}
	const w = new Worker(__filename, { workerData: { addon, file: files[0] } });
	w.on('message', (h) => console.log(`worker ${h}`));
	w.on('error', (e) => { console.log(`worker error ${e}`); process.exitCode = 1; });
}
main().catch((e) => { console.log(`error ${e.stack}`); process.exitCode = 1; });
