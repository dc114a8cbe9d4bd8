// Types of scripts/build-cli.mjs, for the specs that build the command before running it.

/** Absolute path of the bundle: dist/cli/flowclient-rx.js. */
export declare const CLI_BUNDLE: string;

/** Bundle cli/main.ts into {@link CLI_BUNDLE}; resolves with its path. */
export declare function buildCli(options?: { minify?: boolean }): Promise<string>;
