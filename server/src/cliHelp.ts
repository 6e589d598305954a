import { RULES } from './engine/rules';

const EXIT_CODES = `Exit codes:
  0  nothing at or above --fail-on (default: error)
  1  findings at or above --fail-on
  2  bad usage, a bad settings file, a file that could not be read or checked, or, with --fix,
     a file whose fixes could not be written`;

export const USAGE = `govmd: checks CNCF Due Diligence documents, maintainer meeting notes and governance files.

Usage:
  govmd check [paths...] [options]   Report what is open, broken or duplicated (default: the current folder)
  govmd progress PATH... [options]   Criteria met per area of the Due Diligence documents found
  govmd template-diff FILE [options] What a DD lacks, or has elsewhere, against its CNCF template
  govmd init [FOLDER]                Write a .govmd.json for FOLDER (default: the current folder)
  govmd help [COMMAND]               This help, or a command's options
  govmd --version                    The version

Settings: the .govmd.json / .govmd.yaml at each checked file's workspace root (the nearest folder
above it with a settings file or a .git; never one above the repository), or --config FILE.

${EXIT_CODES}`;

export const COMMAND_HELP: Record<string, string> = {
  check: `Usage: govmd check [paths...] [options]

Checks Markdown files and folders (default: the current folder), each against its workspace root
(the nearest folder above it with a settings file or a .git, else the path named) and that root's
settings file, and prints one line per finding:

  file:line:column: severity: message [code]

Options:
  --format text|json|sarif  text (default): the lines above, then a summary; json: an array of
                            {file, line, column, endLine, endColumn, code, severity, message, related?};
                            sarif: SARIF 2.1.0 for GitHub code scanning
  --config FILE             Use this settings file for every file (a settings file named here
                            may also turn on the external link check)
  --fail-on LEVEL           error (default), warning, information, hint or none
  --fix                     Apply the safe fixes (malformed checkboxes, template lines, a parent
                            whose sub-criteria are all met) and report what is left
  --external                Also request http(s) links to find dead ones (off by default; a
                            repository's own settings file cannot turn it on)
  --allow-private-hosts     With --external, also request links to localhost and private networks
  --hints                   Also print hint-level findings (the editor's faint suggestions: an
                            anchor in another letter case, a DD on an older template); --fail-on
                            hint implies it
  --jobs N                  Parse in up to N threads (default: half the processors); a run
                            over less than about 1 MB of Markdown uses one. The report is the same
                            for every N
  --cache                   Keep what this run learnt for the next: each file's parse, by its
                            content, and the run's report, reused while the engine, the settings
                            and every file the check read are unchanged. Written only with this
                            flag, in node_modules/.cache/govmd (of the nearest package.json at or
                            above the workspace root, else of the root)
  --cache-location FOLDER   Keep the cache in FOLDER instead (implies --cache; --cache=FOLDER
                            is the same)

Rules (severity per code in the settings file's "severity"):
${RULES.map((rule) => `  ${rule.code.padEnd(22)} ${rule.description}`).join('\n')}

${EXIT_CODES}`,

  progress: `Usage: govmd progress PATH... [options]

Prints the criteria met per area, Required and Suggested, of each Due Diligence document among the
paths (a file, or folders to look in).

Options:
  --format text|markdown|json|svg  text (default): a table; markdown: a GitHub table for pull
                                   requests and job summaries; json: {file, title, required,
                                   suggested, areas} (an array when folders or several files are
                                   given); svg: a bar chart of one document
  --config FILE                    Use this settings file

Exit codes: 0 printed, 2 bad usage, a named file that is not a Due Diligence document, or a
file that could not be read.`,

  init: `Usage: govmd init [FOLDER]

Writes FOLDER/.govmd.json (default: the current folder) with "$schema", for completion and
validation in editors, and "repositories": each GitHub repository checked out in a folder below
(one or two levels down), so that links into it are checked against the checkout. Refuses to
replace a .govmd.json / .govmd.yaml that exists.

Exit codes: 0 written, 2 a settings file exists or FOLDER is not a folder.`,

  'template-diff': `Usage: govmd template-diff FILE [options]

Lists the criteria of the DD's current CNCF template (cncf/toc's in the workspace, else the
built-in one) that the DD lacks or has under another area or kind.

Options:
  --format text|json  text (default) or json
  --config FILE       Use this settings file

Exit codes: 0 the DD follows the template, 1 it differs, 2 it cannot be compared.`,

  help: `Usage: govmd help [COMMAND]

Prints the overview, or the options of check, progress, template-diff or init.`,
};
