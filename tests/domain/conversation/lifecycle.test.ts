import { describe, expect, it } from 'vitest';
import { handedTo, openConversation, withBot } from '../../../domain/conversation/conversation.ts';
import { atStage, newLead, newVisit, registered } from '../../../domain/lead/lead.ts';
import type { PhoneE164 } from '../../../domain/contact/phone.ts';
import type { Email } from '../../../domain/contact/email.ts';
import {
  asId,
  type ConversationId,
  type LeadId,
  type LineId,
  type ProjectId,
  type UserId,
  type VisitId,
} from '../../../domain/shared/ids.ts';

const phone = '+573001234567' as PhoneE164;
const open = (leadId: LeadId | null) =>
  openConversation({
    id: asId<ConversationId>('conv_1'),
    lineId: asId<LineId>('line-main'),
    contact: { phone, userId: null },
    profileName: 'Pedro',
    leadId,
    at: 1_000,
  });

describe('a conversation through its life', () => {
  it('starts with the bot for a stranger, with the advisor for a known lead, and no window open', () => {
    expect(open(null)).toMatchObject({ bot: { step: 'start' }, leadId: null, lastInboundAt: null, createdAt: 1_000 });
    expect(open(asId<LeadId>('lead_1'))).toMatchObject({ bot: { step: 'withAdvisor' }, leadId: 'lead_1' });
  });

  it('is handed to the advisor once its lead is known, and otherwise follows the bot', () => {
    expect(handedTo(open(null), asId<LeadId>('lead_1'))).toMatchObject({
      leadId: 'lead_1',
      bot: { step: 'withAdvisor' },
    });
    expect(withBot(open(null), { step: 'withAdvisor' }).bot).toEqual({ step: 'withAdvisor' });
  });
});

describe('a lead through its life', () => {
  const lead = (advisorId: UserId | null) =>
    newLead({
      id: asId<LeadId>('lead_1'),
      lineId: asId<LineId>('line-main'),
      name: null,
      phone,
      waUserId: null,
      email: null,
      advisorId,
      source: 'whatsapp_bot',
      at: 1_000,
    });

  it('is assigned at birth only when born with an advisor', () => {
    expect(lead(null)).toMatchObject({ advisorId: null, assignedAt: null, consent: null, createdAt: 1_000 });
    expect(lead(asId<UserId>('u-ana'))).toMatchObject({ advisorId: 'u-ana', assignedAt: 1_000 });
  });

  it('keeps its name and first assignment time when the bot registers it again with the same advisor', () => {
    const named = { ...lead(asId<UserId>('u-ana')), name: 'Pedro Díaz' };
    const again = registered(named, {
      profileName: 'Pedrito',
      email: 'pedro@correo.com' as Email,
      consent: null,
      advisorId: asId<UserId>('u-ana'),
      newlyAssigned: false,
      at: 9_000,
    });
    expect(again).toMatchObject({ name: 'Pedro Díaz', email: 'pedro@correo.com', assignedAt: 1_000 });
    expect(
      registered(lead(null), { ...again, profileName: 'Pedrito', email: null, newlyAssigned: true, at: 9_000 }),
    ).toMatchObject({
      name: 'Pedrito',
      assignedAt: 9_000,
    });
  });
});

describe('a visit through its life', () => {
  it('starts new at the moment it is opened, with the search that led to the project', () => {
    const visit = newVisit({
      id: asId<VisitId>('visit-1'),
      leadId: asId<LeadId>('lead-1'),
      projectId: asId<ProjectId>('p-bog-1'),
      unitTypeId: null,
      criteria: { city: 'Bogotá' },
      at: 1_000,
    });

    expect(visit).toEqual({
      id: 'visit-1',
      leadId: 'lead-1',
      projectId: 'p-bog-1',
      unitTypeId: null,
      criteria: { city: 'Bogotá' },
      stage: 'new',
      createdAt: 1_000,
    });
    expect(atStage(visit, 'appointment')).toEqual({ ...visit, stage: 'appointment' });
  });
});
