// Helpers for the data tool's tests (no tests here): run the built bin
// (dist/tool.js) as a user would, in a scratch folder of files written by the test.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOL = fileURLToPath(new URL('../../dist/tool.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `gov-service-map …`; stderr is a pipe, so no progress is drawn. */
export function tool(args, cwd = ROOT) {
  const result = spawnSync(process.execPath, [TOOL, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch folder holding `files` (name → text or bytes). */
export function workdir(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'gov-service-map-tool-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
