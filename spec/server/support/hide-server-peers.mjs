// Preloaded with `node --import` by the CLI spec: makes the test server's optional peers
// (fastify, jose) unresolvable, as in a project that has not installed them. Node's own
// ERR_MODULE_NOT_FOUND error is what the command then sees.
import { register } from 'node:module';

const hooks = `
const hidden = ['fastify', 'jose'];
export async function resolve(specifier, context, next) {
  if (hidden.some((name) => specifier === name || specifier.startsWith(name + '/'))) {
    const error = new Error("Cannot find package '" + specifier + "' imported from " + context.parentURL);
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
