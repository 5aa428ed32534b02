import { FAKE_PHONE_NUMBER_ID } from '../../adapters/whatsapp/fake/fake-whatsapp.ts';
import type { AdvisorGroup, BusinessLine, User } from '../../domain/organisation/organisation.ts';
import type { AdvisorGroupId, LineId, UserId } from '../../domain/shared/ids.ts';
import type { Template } from '../../domain/templates/template.ts';

const user = (id: string, name: string, role: User['role']): User => ({
  id: id as UserId,
  name,
  email: `${id.replace('u-', '')}@constructora-demo.co`,
  role,
  active: true,
});

export const demoUsers: readonly User[] = [
  user('u-ana', 'Ana Gómez', 'advisor'),
  user('u-carlos', 'Carlos Ruiz', 'advisor'),
  user('u-valentina', 'Valentina Torres', 'advisor'),
  user('u-jorge', 'Jorge Méndez', 'manager'),
];

export const demoGroup: AdvisorGroup = {
  id: 'g-ventas' as AdvisorGroupId,
  name: 'Asesores de ventas',
  advisorIds: ['u-ana', 'u-carlos', 'u-valentina'] as UserId[],
};

/** The default line: the configured Meta phone-number id, or the fake WhatsApp's. */
export const demoLine = (phoneNumberId: string = FAKE_PHONE_NUMBER_ID): BusinessLine => ({
  id: 'line-main' as LineId,
  phoneNumberId,
  displayNumber: '+57 601 555 0100',
  name: 'Línea de ventas',
  advisorGroupId: demoGroup.id,
  projectIds: [],
  assignQuotedLeads: true,
  formality: 'tu',
  botQuotesForRegistered: false,
});

export const demoTemplates: readonly Template[] = [
  {
    name: 'bienvenida',
    language: 'es_CO',
    category: 'UTILITY',
    status: 'APPROVED',
    body: '¡Hola {{1}}! Soy {{2}}, tu asesor(a) de vivienda. ¿Te puedo ayudar con tu búsqueda? Responde este mensaje para conversar.',
  },
  {
    name: 'recordatorio_cita',
    language: 'es_CO',
    category: 'UTILITY',
    status: 'APPROVED',
    body: 'Hola {{1}}, te recordamos tu cita en {{2}} el {{3}}. ¡Te esperamos!',
  },
  {
    name: 'promocion_lanzamiento',
    language: 'es_CO',
    category: 'MARKETING',
    status: 'PENDING',
    body: 'Hola {{1}}, conoce el lanzamiento de {{2}} con precios especiales.',
  },
];
