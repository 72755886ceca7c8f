export type EmbedConfig = Record<string, string | boolean | number | undefined>;

const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The embed's configuration, first found wins per key: the `data-*` attributes of its own script
 * tag, then `window.mmeConfig` (what a tag manager's inline snippet can set, since tag managers
 * strip attributes from `<script src>`).
 */
export function readConfig(script: HTMLScriptElement | null, globalConfig: unknown): EmbedConfig {
  const config: EmbedConfig = {};
  for (const attribute of script ? [...script.attributes] : []) {
    if (!attribute.name.startsWith('data-')) continue;
    const key = attribute.name === 'data-layer' ? 'dataLayer' : camel(attribute.name.slice(5));
    config[key] = attribute.value;
  }
  if (globalConfig && typeof globalConfig === 'object') {
    for (const [key, value] of Object.entries(globalConfig)) if (!(key in config) && value != null) config[key] = value as string | boolean | number;
  }
  return config;
}

const globPattern = (glob: string) => glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');

/** Whether a path matches one of the comma-separated globs (`*` matches anything; `/checkout/*` covers `/checkout` too). */
export function pathMatches(path: string, globs: string): boolean {
  return globs
    .split(',')
    .map((glob) => glob.trim())
    .filter(Boolean)
    .some((glob) => new RegExp(`^${glob.endsWith('/*') ? `${globPattern(glob.slice(0, -2))}(/.*)?` : globPattern(glob)}/?$`).test(path));
}

/** Links the embed turns into elements: marked with data-mme or the mme-chat-button class. */
export const UPGRADE_SELECTOR = 'a[href][data-mme]:not([data-mme-upgraded]), a[href].mme-chat-button:not([data-mme-upgraded])';
