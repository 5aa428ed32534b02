import type { PropertyType } from '../catalog/catalog.ts';

/**
 * Every sentence the bot says, in one replaceable catalogue (Spanish by default).
 * `{name}` placeholders are filled by `fill`; a replacement catalogue may drop any of them.
 */
export type BotTexts = {
  readonly welcome: string;
  readonly askEmail: string;
  readonly invalidEmail: string;
  /** `{company}`, `{contact}`: the data controller (`DataController`); `{summary}`, `{url}`: the data policy. */
  readonly consentQuestion: string;
  readonly consentAccept: string;
  readonly consentDecline: string;
  readonly consentDeclined: string;
  readonly chooseFilter: string;
  readonly filterPrice: string;
  readonly filterCity: string;
  readonly filterPropertyType: string;
  readonly choosePriceRange: string;
  readonly chooseCity: string;
  readonly choosePropertyType: string;
  readonly listButtonOptions: string;
  readonly projectList: string;
  readonly listButtonProjects: string;
  readonly projectRowDescription: string;
  readonly noMatch: string;
  readonly seeMore: string;
  readonly seeMoreDescription: string;
  readonly chooseUnitType: string;
  readonly listButtonUnitTypes: string;
  readonly unitTypeRowDescription: string;
  readonly unitTypeRowDescriptionNoPrice: string;
  readonly chooseOutcome: string;
  readonly outcomeAdvisor: string;
  readonly outcomeQuote: string;
  readonly outcomeNewSearch: string;
  readonly afterQuote: string;
  /** Asked before quoting a VIS or VIP unit; answered with the three buttons below. */
  readonly askSavings: string;
  readonly savingsYes: string;
  readonly savingsNo: string;
  readonly savingsUnsure: string;
  readonly quoteUnavailable: string;
  /** A VIS/VIP unit whose catalogue price is over the legal cap: not quoted until the builder fixes it. */
  readonly quoteOverHousingCap: string;
  /** A unit type with no available unit left: the lead picks another, or asks an advisor for the waiting list. */
  readonly unitTypeSoldOut: string;
  /** `{cutOff}`: the day the down payment is due by (`dd/mm/aaaa`); too close to quote instalments, an advisor helps. */
  readonly notEnoughTimeForDownPayment: string;
  readonly advisorAssigned: string;
  readonly advisorPending: string;
  readonly advisorNeedsEmail: string;
  readonly advisorNeedsConsent: string;
  readonly alreadyWithAdvisor: string;
  /** An advisor handed the conversation back to the bot: said before the bot's question. */
  readonly botResumed: string;
  readonly notUnderstood: string;
  readonly textOnly: string;
  readonly restartHint: string;
  /**
   * Said once a day to a registered lead writing while their advisor has not answered (`acknowledgementDue`):
   * `{advisor}` is the advisor's name. Inside their working hours:
   */
  readonly advisorAckSoon: string;
  /**
   * Outside them: `{when}` is their next opening, ending the sentence ("a partir del lunes a las 8:00 a. m.",
   * `nextOpeningPhrase`), so the text puts no full stop after it.
   */
  readonly advisorAckLater: string;
  /** The same, for a lead with no advisor yet. */
  readonly advisorAckUnassigned: string;
  /** A registered lead asked for another quote (`asksForNewQuote`) on a line that lets the bot quote them. */
  readonly newQuoteStart: string;
  readonly propertyTypes: Readonly<Record<PropertyType, string>>;
  /** Words that restart the search (compared without case or accents). */
  readonly restartKeywords: readonly string[];
  /** Words that jump to an advisor. */
  readonly advisorKeywords: readonly string[];
};

export const defaultBotTexts: BotTexts = {
  welcome: '¡Hola! 👋 Soy el asistente virtual de ventas. Te ayudo a encontrar tu próximo hogar.',
  askEmail: '¿Me escribes tu correo electrónico? Así te enviamos la información de los proyectos.',
  invalidEmail: 'Mmm, ese correo no parece válido. Escríbelo así, sin espacios ni tildes: nombre@dominio.com',
  consentQuestion:
    'Antes de seguir necesitamos tu autorización para tratar tus datos personales (Ley 1581 de 2012). ' +
    'El responsable es {company}. Para consultar, corregir o pedir que borremos tus datos, escríbenos a {contact}.' +
    '\n\n{summary}\n\nPolítica completa: {url}',
  consentAccept: 'Acepto',
  consentDecline: 'No acepto',
  consentDeclined:
    'Entendido. No registramos tus datos: borramos el correo que escribiste y tu nombre de perfil. Solo ' +
    'conservamos tu número de WhatsApp y esta conversación, para poder responderte si nos vuelves a escribir. ' +
    'Si cambias de opinión, escríbenos cuando quieras. ¡Hasta pronto! 👋',
  chooseFilter: '¡Gracias! ¿Cómo quieres buscar tu inmueble?',
  filterPrice: 'Precio',
  filterCity: 'Ciudad',
  filterPropertyType: 'Tipo de inmueble',
  choosePriceRange: '¿En qué rango de precio buscas?',
  chooseCity: '¿En qué ciudad te interesa?',
  choosePropertyType: '¿Qué tipo de inmueble buscas?',
  listButtonOptions: 'Ver opciones',
  projectList: 'Encontré {count} proyecto(s) para ti. Elige uno para ver sus inmuebles.',
  listButtonProjects: 'Ver proyectos',
  projectRowDescription: '{city} · desde {price}',
  noMatch: 'No encontré proyectos con esos criterios. 😕 ¿Quieres buscar con otro filtro?',
  seeMore: 'Ver más',
  seeMoreDescription: 'Más opciones',
  chooseUnitType: '*{project}* ({city}). ¿Qué tipo de inmueble te interesa?',
  listButtonUnitTypes: 'Ver inmuebles',
  unitTypeRowDescription: '{area} m² · desde {price}',
  unitTypeRowDescriptionNoPrice: '{area} m² · sin unidades disponibles',
  chooseOutcome: '*{unitType}* en *{project}*. ¿Qué quieres hacer?',
  outcomeAdvisor: 'Hablar con asesor',
  outcomeQuote: 'Simular cotización',
  outcomeNewSearch: 'Nueva búsqueda',
  afterQuote: '¿Quieres que un asesor te acompañe con esta cotización?',
  askSavings: '¿Vas a usar cesantías o subsidio de vivienda para pagar la cuota inicial?',
  savingsYes: 'Sí',
  savingsNo: 'No',
  savingsUnsure: 'No sé',
  quoteOverHousingCap:
    'Estamos actualizando el precio de este inmueble y por ahora no puedo cotizarlo. Escribe *asesor* y te damos el valor vigente.',
  quoteUnavailable: 'No pude simular la cotización de este inmueble en este momento. Un asesor puede ayudarte.',
  unitTypeSoldOut:
    'Esta tipología está agotada 😔. Puedes elegir otra de la lista, o escribir *asesor* para que te cuenten de la lista de espera y de otras opciones.',
  notEnoughTimeForDownPayment:
    'Este proyecto ya está muy cerca de la entrega 🏗️ y la cuota inicial debe quedar pagada a más tardar el ' +
    '{cutOff}, así que no alcanzo a simularte un plan de cuotas mensuales. Un asesor puede contarte las opciones ' +
    'de pago que sí tenemos para ti: escribe *asesor* o elige la opción de abajo.',
  advisorAssigned: '¡Listo! ✅ *{advisor}* será tu asesor(a) y te contactará muy pronto por este chat.',
  advisorPending: '¡Listo! ✅ Registramos tus datos. Un asesor te contactará muy pronto por este chat.',
  advisorNeedsEmail: 'Con gusto te comunico con un asesor. Primero necesito tu correo electrónico.',
  advisorNeedsConsent: 'Con gusto te comunico con un asesor. Primero necesito tu autorización de datos.',
  alreadyWithAdvisor: 'Tu asesor ya tiene tu mensaje y te responderá pronto.',
  botResumed:
    'Te dejo de nuevo con el asistente virtual 🤖. Cuando quieras hablar otra vez con una persona, escribe *asesor*.',
  notUnderstood: 'No entendí tu respuesta. Elige una de las opciones, por favor.',
  textOnly: 'Por ahora solo puedo leer mensajes de texto. 🙏',
  restartHint: 'Escribe *menu* para empezar de nuevo',
  advisorAckSoon: 'Recibimos tu mensaje 🙌 {advisor} te responde en breve.',
  advisorAckLater: 'Recibimos tu mensaje 🙌 {advisor} te responde {when}',
  advisorAckUnassigned: 'Recibimos tu mensaje 🙌 Un asesor te responderá pronto.',
  newQuoteStart: '¡Claro! Busquemos otra opción para cotizar.',
  propertyTypes: {
    apartment: 'Apartamento',
    house: 'Casa',
    lot: 'Lote',
    office: 'Oficina',
    commercial: 'Local comercial',
    warehouse: 'Bodega',
  },
  restartKeywords: ['menu', 'inicio'],
  advisorKeywords: ['asesor'],
};

/** Fills `{name}` placeholders; unknown placeholders are left as they are. */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

/** Lower case, no accents, no surrounding punctuation: how typed words are compared. */
export const normalizeWord = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
