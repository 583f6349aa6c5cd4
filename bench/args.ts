/** The benchmark scripts' command line: `--name value` options and bare flags. */
export const argv = process.argv.slice(2);

/** The value after `--name`, or undefined when it is not given. */
export function opt(name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}
