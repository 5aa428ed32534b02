import { z } from 'zod';
import type { SendFailureReason } from '../../../domain/messaging/delivery-status.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

export const sendFailureSchema: z.ZodType<SendFailureReason> = z.looseObject({ code: z.string(), title: z.string() });

/** `messages.failure`: why WhatsApp refused an outbound message. Version 1: today's shape in an envelope. */
export const sendFailureCodec = versionedCodec<SendFailureReason>({
  name: 'send failure',
  schema: sendFailureSchema,
  upgrades: [sameShape],
});
