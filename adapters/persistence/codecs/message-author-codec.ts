import { z } from 'zod';
import type { MessageAuthor } from '../../../domain/messaging/message.ts';
import type { UserId } from '../../../domain/shared/ids.ts';
import { branded } from './parts.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

const messageAuthorSchema: z.ZodType<MessageAuthor> = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('bot') }),
  z.looseObject({ kind: z.literal('user'), userId: branded<UserId>() }),
]);

/** `messages.author` (outbound messages): the bot or a user. Version 1: today's shape in an envelope. */
export const messageAuthorCodec = versionedCodec<MessageAuthor>({
  name: 'message author',
  schema: messageAuthorSchema,
  upgrades: [sameShape],
});
