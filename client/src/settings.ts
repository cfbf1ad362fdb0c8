// Reads the `verbatim.*` settings for the server: only the values a writer actually set (so that verbatim.json
// decides the rest), validated here at the boundary, with each problem told to the writer once.
import * as vscode from 'vscode';
import type { ConfigurationParams, Middleware } from 'vscode-languageclient/node';
import { DEFAULT_SETTINGS, parseSettings, type UserSettings } from '../../server/src/protocol.js';

/** The settings keys read for the server, as dotted names under `verbatim`. */
const KEYS = [
  'sources',
  'languages',
  'shortQuoteMaxWords',
  'alteredThreshold',
  'attributionTemplate',
  'severity.altered',
  'severity.unsourced',
  'severity.unsourcedShort',
  'severity.misattributed',
] as const;

/**
 * Settings that an untrusted workspace may not set (they are also listed as restricted in package.json): a
 * workspace could otherwise point the server at files anywhere on the machine.
 */
const RESTRICTED = new Set<string>(['sources']);

/** The explicitly set `verbatim` settings for a resource, as one nested object, before validation. */
function explicitSection(scope: vscode.Uri | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('verbatim', scope);
  const trusted = vscode.workspace.isTrusted;
  const section: Record<string, unknown> = {};
  for (const key of KEYS) {
    const inspected = config.inspect(key);
    if (!inspected) continue;
    const workspace = trusted || !RESTRICTED.has(key) ? (inspected.workspaceFolderValue ?? inspected.workspaceValue) : undefined;
    const value = workspace ?? inspected.globalValue;
    if (value === undefined) continue;
    const [head, tail] = key.split('.') as [string, string | undefined];
    if (tail === undefined) section[head] = value;
    else section[head] = { ...(section[head] as Record<string, unknown> | undefined), [tail]: value };
  }
  return section;
}

/** Validates and reports settings problems; each distinct problem is shown once per session. */
export class SettingsReader {
  private readonly reported = new Set<string>();

  constructor(private readonly log: vscode.LogOutputChannel) {}

  /** The validated, explicitly set settings for a resource. */
  read(scope: vscode.Uri | undefined): UserSettings {
    const { settings, errors } = parseSettings(explicitSection(scope));
    for (const error of errors) {
      if (this.reported.has(error)) continue;
      this.reported.add(error);
      this.log.warn(error);
      void vscode.window.showWarningMessage(`Verbatim: ${error}`);
    }
    return settings;
  }

  /** The languages whose documents are drafts (the setting, else the default). */
  languages(): string[] {
    return this.read(undefined).languages ?? DEFAULT_SETTINGS.languages;
  }

  /** Answers the server's `workspace/configuration` requests for the `verbatim` section. */
  middleware(): NonNullable<Middleware['workspace']>['configuration'] {
    return (params: ConfigurationParams, token, next) => {
      if (!params.items.every((item) => item.section === 'verbatim')) return next(params, token);
      return params.items.map((item) => this.read(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined));
    };
  }
}
