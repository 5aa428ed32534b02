import { z } from '@hono/zod-openapi';
import { MAX_LOGO_BYTES, MAX_LOGO_SIDE_PX } from '../../../domain/builder/logo.ts';

const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;

// The lengths and formats are the domain's to check (`invalid_builder_profile`, `invalid_nit`, with the field):
// the schema only bounds what a sane client sends.
const text = (example: string, description?: string) =>
  z
    .string()
    .max(1000)
    .openapi({ example, ...(description === undefined ? {} : { description }) });

const profileFields = {
  name: text('Constructora Andina Demo S.A.S.', 'The legal name ("razón social"), up to 120 characters.'),
  nit: text(
    '901.234.567-7',
    'The NIT with its check digit (DIAN): dots and the hyphen optional. Stored and answered as `901234567-7`.',
  ),
  address: text('Carrera 43A # 1-50, oficina 804, El Poblado, Medellín'),
  salesPhone: text('+57 604 444 0100', 'The sales room’s phone as printed; at least seven digits.'),
  salesEmail: text('ventas@constructora-demo.co'),
};

const dataRequestsContact = text(
  'datospersonales@constructora-demo.co',
  'The e-mail address where leads send their data requests (consultas, reclamos, supresión: Ley 1581 de 2012), ' +
    'named by the bot’s privacy notice with the company’s name, NIT and address. Absent or `null`: the sales ' +
    'e-mail is named instead.',
).nullable();

export const LogoUploadSchema = z
  .object({
    mimeType: z.enum(LOGO_TYPES).openapi({ example: 'image/png' }),
    base64: z.base64().openapi({
      example: 'iVBORw0KGgoAAAANSUhEUgAA…',
      description: `The image's bytes in base64 (no \`data:\` prefix): a complete PNG or JPEG of at most ${MAX_LOGO_BYTES / 1024} KiB and ${MAX_LOGO_SIDE_PX} px a side.`,
    }),
  })
  .openapi('LogoUpload');

export const BuilderProfileInputSchema = z
  .object({
    ...profileFields,
    website: text('www.constructora-demo.co').nullable().optional().openapi({ description: 'Absent or null: none.' }),
    logo: LogoUploadSchema.nullable()
      .optional()
      .openapi({ description: 'A new logo; `null` removes it; absent keeps the one saved.' }),
    dataRequestsContact: dataRequestsContact.optional(),
  })
  .openapi('BuilderProfileInput');

export const BuilderProfileSchema = z
  .object({
    ...profileFields,
    nit: z.string().openapi({ example: '901234567-7', description: 'Digits, a hyphen, the check digit.' }),
    website: z.string().nullable().openapi({ example: 'www.constructora-demo.co' }),
    logo: z
      .object({
        mimeType: z.enum(LOGO_TYPES).openapi({ example: 'image/png' }),
        size: z.number().int().openapi({ example: 1834, description: 'Bytes.' }),
        widthPx: z.number().int().openapi({ example: 120 }),
        heightPx: z.number().int().openapi({ example: 120 }),
        dataUrl: z.string().openapi({ example: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA…' }),
      })
      .nullable(),
    dataRequestsContact,
  })
  .openapi('BuilderProfile');
