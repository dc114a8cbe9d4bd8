/**
 * `flowclient-rx run <spec.json | -> [--format json|geojson|csv] [--out FILE] [--progress]`: run
 * the spec (from a file, or stdin for `-`), draw its progress, print its result.
 * @module
 */
import { readFile } from 'node:fs/promises';
import type { QuerySpec } from '../../src/index.js';
import { openConnection } from '../connection.js';
import { UsageError } from '../errors.js';
import { formatResult, writeOutput, type CommandIo } from '../io.js';
import { awaitResult, settle } from '../wait.js';
import { showsProgress, type ResultOptions } from './get.js';

async function readText(source: string, io: CommandIo): Promise<string> {
  if (source !== '-') {
    try {
      return await readFile(source, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read the spec: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** Read and check a spec: JSON, an object, with a `query_kind`. @throws {@link UsageError} otherwise. */
export async function readSpec(source: string, io: CommandIo): Promise<QuerySpec> {
  const name = source === '-' ? 'the spec on stdin' : source;
  const text = await readText(source, io);
  if (text.trim() === '') throw new UsageError(`${name} is empty`);
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec) || typeof (spec as { query_kind?: unknown }).query_kind !== 'string') {
    throw new UsageError(`${name} is not a query spec: a JSON object with a query_kind is expected`);
  }
  return spec as QuerySpec; // FlowAPI checks the rest (400 → exit 2)
}

/** Run `run`. */
export async function runCommand(source: string, options: ResultOptions, io: CommandIo): Promise<void> {
  const spec = await readSpec(source, io);
  const connection = openConnection(options);
  const query = connection.makeApiQuery(spec);
  const queryId = await settle(query.run(), io);
  const progress = showsProgress(options, io);
  if (progress) io.stderr.write(`${spec.query_kind}: query ${queryId}\n`);
  const result = await awaitResult(query.getResult({ format: options.format }), {
    connection,
    queryId,
    states: query,
    label: spec.query_kind,
    progress,
    io,
  });
  await writeOutput(formatResult(options.format, result), options.out, io);
}
