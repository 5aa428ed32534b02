import { isLocalDatabaseUrl } from './local-addresses.ts';

export const WHATSAPP_MODES = ['fake', 'meta'] as const;
export type WhatsAppMode = (typeof WHATSAPP_MODES)[number];

type Issue = { readonly variable: string; readonly message: string };

/** Any one of these means someone expects Meta. */
const META_SETTINGS = [
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
  'WHATSAPP_BUSINESS_ACCOUNT_ID',
] as const;
/** Without these Meta mode can neither verify webhooks, nor send, nor know its line: refuse to boot rather than drop messages. */
const REQUIRED_IN_META_MODE = [
  'WHATSAPP_ACCESS_TOKEN',
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
] as const;
/** The fake never talks to Meta: credentials beside WHATSAPP_MODE=fake are a mistake (a phone-number id may name the fake line). */
const META_CREDENTIALS = ['WHATSAPP_ACCESS_TOKEN', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN'] as const;

// Blank counts as unset, as everywhere in the config: `FOO=` is what a secret that failed to mount looks like.
const isSet = (env: NodeJS.ProcessEnv, name: string): boolean => (env[name] ?? '').trim() !== '';

const explicitMode = (env: NodeJS.ProcessEnv): WhatsAppMode | null => {
  const value = env['WHATSAPP_MODE']?.trim();
  return value === 'fake' || value === 'meta' ? value : null;
};

/**
 * `WHATSAPP_MODE` when set; else Meta as soon as any Meta setting is there, fake only with none at all,
 * so a missing secret is a start-up error instead of a silent fake on real leads.
 */
export const whatsappModeOf = (env: NodeJS.ProcessEnv): WhatsAppMode =>
  explicitMode(env) ?? (META_SETTINGS.some((name) => isSet(env, name)) ? 'meta' : 'fake');

const missingInMetaMode = (env: NodeJS.ProcessEnv): Issue[] => {
  const set = META_SETTINGS.filter((name) => isSet(env, name));
  const why =
    explicitMode(env) === 'meta'
      ? 'WHATSAPP_MODE=meta); set it'
      : `${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set); set it, or unset every Meta setting for the fake WhatsApp`;
  return REQUIRED_IN_META_MODE.filter((name) => !isSet(env, name)).map((variable) => ({
    variable,
    message: `${env[variable] === undefined ? 'is' : 'is empty, and is'} required in Meta mode (${why}`,
  }));
};

const fakeModeIssues = (env: NodeJS.ProcessEnv): Issue[] => {
  if (explicitMode(env) === 'fake') {
    return META_CREDENTIALS.filter((name) => isSet(env, name)).map((variable) => ({
      variable,
      message:
        'must be unset with WHATSAPP_MODE=fake (the fake WhatsApp never talks to Meta); use WHATSAPP_MODE=meta for Meta',
    }));
  }
  const databaseUrl = env['DATABASE_URL']?.trim() ?? '';
  // A URL that is no postgres:// URL at all is reported by the schema.
  if (!/^postgres(ql)?:\/\//.test(databaseUrl) || isLocalDatabaseUrl(databaseUrl, env)) return [];
  return [
    {
      variable: 'DATABASE_URL',
      message:
        'is a database on another machine, but no Meta settings are set: set WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET, ' +
        'WHATSAPP_VERIFY_TOKEN and WHATSAPP_PHONE_NUMBER_ID, or WHATSAPP_MODE=fake to run the fake WhatsApp on it',
    },
  ];
};

/** What stops the chosen mode from starting safely, one issue per variable to fix. */
export const whatsappModeIssues = (env: NodeJS.ProcessEnv): Issue[] =>
  whatsappModeOf(env) === 'meta' ? missingInMetaMode(env) : fakeModeIssues(env);
