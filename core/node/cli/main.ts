import { Command, CommanderError, Option } from 'commander';
import { CliFailure, describeFailure } from './cliFailure';
import type { CliOutput } from './cliOutput';
import { addRunCommands } from './runCommands';
import type { ReportFormat, ValidateCommandOptions } from './validateCommand';
import { EXIT_UNREADABLE, runValidateCommand } from './validateCommand';
import type { ValidationProfile } from '../../validate';

/** Exit code of a command line commander rejects (unknown option, missing argument). */
export const EXIT_USAGE = 2;

interface ParsedValidateOptions {
  readonly profile: ValidationProfile;
  readonly format: ReportFormat;
  readonly failOnWarn?: boolean;
  readonly rules?: string;
  readonly imports: boolean;
  readonly explain?: boolean;
}

function buildProgram(output: CliOutput, setExitCode: (code: number) => void): Command {
  const program = new Command('flujo-studio')
    .description('Flujo Studio command line: validate, run and inspect Flujo pipelines.')
    .option('--debug', 'print stack traces of unexpected errors')
    .exitOverride()
    .configureOutput({ writeOut: output.out, writeErr: output.err })
    .showHelpAfterError('(add --help for the options)');
  program
    .command('validate')
    .description('Validate a Flujo pipeline file and its imports.')
    .argument('<file>', 'pipeline YAML file')
    .addOption(
      new Option(
        '--profile <profile>',
        'rules to apply: studio (real problems) or flujo (also what flujo validate reports)',
      )
        .choices(['studio', 'flujo'])
        .default('studio'),
    )
    .addOption(
      new Option('--format <format>', 'report format')
        .choices(['text', 'json', 'sarif'])
        .default('text'),
    )
    .option('--fail-on-warn', 'exit with 4 when there are warnings, not only errors')
    .option(
      '--rules <file>',
      'severity overrides: JSON { "V-T*": "off" } or TOML [validation.rules]',
    )
    .option('--no-imports', 'do not load and validate imported pipelines')
    .option('--explain', "add each rule's description (and suggestions) to its findings")
    .action((file: string, parsed: ParsedValidateOptions) => {
      const options: ValidateCommandOptions = {
        profile: parsed.profile,
        format: parsed.format,
        failOnWarn: parsed.failOnWarn ?? false,
        imports: parsed.imports,
        explain: parsed.explain ?? false,
        ...(parsed.rules !== undefined ? { rules: parsed.rules } : {}),
      };
      setExitCode(runValidateCommand(file, options, output));
    });
  addRunCommands(program, output, setExitCode);
  return program;
}

/**
 * Runs the `flujo-studio` command line (`args` without the node and script paths) and resolves to
 * the exit code. Never rejects: usage errors exit 2, expected failures print one line on stderr
 * with their exit code, and an unexpected failure is one line with exit 1 — a stack trace only
 * with `--debug`.
 */
export async function runCli(args: readonly string[], output: CliOutput): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(output, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
    if (error instanceof CliFailure) {
      output.err(`flujo-studio: ${error.message}\n`);
      return error.exitCode;
    }
    if (args.includes('--debug') && error instanceof Error && error.stack !== undefined) {
      output.err(`${error.stack}\n`);
    }
    output.err(`flujo-studio: ${describeFailure(error)}\n`);
    return EXIT_UNREADABLE;
  }
}
