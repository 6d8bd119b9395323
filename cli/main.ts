import { TRAINSET_VERSION } from '../lib/version';
import { HELP, USAGE, UsageError, WriteError } from './usage';

/**
 * `trainset` command line: a thin door into lib/, so that a CI job reproduces exactly the files
 * the app downloads. Returns the exit code: 0 done, 1 refused (bad data; for `check`, an error-level
 * finding; for `verify`, a file that differs), 2 usage error.
 */
export async function main(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      if (command === undefined) {
        process.stderr.write(USAGE);
        return 2;
      }
      process.stdout.write(HELP);
      return 0;
    }
    // `trainset export --help`: what a user tries first when a command's options are unclear.
    const beforeOperands = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
    if (COMMANDS.has(command) && (beforeOperands.includes('--help') || beforeOperands.includes('-h'))) {
      process.stdout.write(HELP);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      process.stdout.write(`trainset ${TRAINSET_VERSION}\n`);
      return 0;
    }
    // Each command is loaded when run: --help and --version need none of lib/ (a tenth of a second to load).
    if (command === 'export') return await (await import('./export-command')).exportCommand(rest);
    if (command === 'check') return await (await import('./check-command')).checkCommand(rest);
    if (command === 'verify') return await (await import('./verify-command')).verifyCommand(rest);
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (e) {
    if (e instanceof UsageError || isParseArgsError(e)) {
      process.stderr.write(`trainset: ${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof WriteError) {
      process.stderr.write(`trainset: ${e.message}\n`);
      return 1;
    }
    // A bug, not bad input: say so plainly, without a stack trace unless asked for.
    process.stderr.write(
      `trainset: internal error: ${(e as Error).message ?? String(e)}\nThis is a bug in Trainset; please report it with the command you ran.` +
        (process.env.TRAINSET_DEBUG ? `\n${(e as Error).stack}` : ' (set TRAINSET_DEBUG=1 for details)') +
        '\n',
    );
    return 1;
  }
}

const COMMANDS: ReadonlySet<string> = new Set(['export', 'check', 'verify']);

function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
