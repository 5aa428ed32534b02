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
  /** The first question after the lead consents: thanks them, then asks how to search. */
  readonly consentThanks: string;
  readonly chooseFilter: string;
  readonly filterPrice: string;
  readonly filterCity: string;
  readonly filterPropertyType: string;
  readonly choosePriceRange: string;
  readonly chooseCity: string;
  readonly choosePropertyType: string;
  readonly listButtonOptions: string;
  /** `{count}` projects (two or more); `projectListOne` for a single one. */
  readonly projectList: string;
  readonly projectListOne: string;
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
  /** A voice note, photo or sticker from a lead who consented: the text-only notice, with a button to an advisor. */
  readonly textOnlyOfferAdvisor: string;
  /** `{topic}`: the project they were looking at, or `welcomeBackTopic`. Sent with the two buttons below. */
  readonly welcomeBack: string;
  readonly welcomeBackTopic: string;
  readonly welcomeBackContinue: string;
  /** A list's footer: WhatsApp shows footers as plain text, so no `*bold*` here. */
  readonly restartHint: string;
  /** `{email}`: the address the lead more likely meant; answered with the two buttons below. */
  readonly emailTypoQuestion: string;
  readonly emailTypoYes: string;
  readonly emailTypoNo: string;
  /** Said before the question again, to a greeting mid-conversation. */
  readonly greetingAgain: string;
  readonly thanksReply: string;
  readonly goodbyeReply: string;
  /** A question the bot cannot answer, noted for the advisor; said before the current question again. */
  readonly questionNoted: string;
  /** The same before consent: there is no advisor yet. */
  readonly questionNotedBeforeConsent: string;
  /** "No sé" to the consent question: what accepting means, before the question again. */
  readonly consentUnsure: string;
  /** "No sé" to "¿Quisiste decir …?". */
  readonly emailTypoUnsure: string;
  /** A quote asked for before a unit type is chosen. */
  readonly quoteNeedsUnit: string;
  /** The lead said what they look for before giving their email: kept for after consent. */
  readonly searchNoted: string;
  /** "No" after a quote, to "¿quieres que un asesor te acompañe?". */
  readonly advisorDeclined: string;
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
  welcome: '¡Hola! 👋 Soy el asistente virtual de ventas de {brand}. Te ayudo a encontrar tu próximo hogar.',
  askEmail: '¿Me escribes tu correo electrónico? Así te enviamos la información de los proyectos.',
  invalidEmail: 'Mmm, ese correo no parece válido. Escríbelo así, sin espacios ni tildes: nombre@dominio.com',
  consentQuestion:
    'Antes de seguir necesitamos tu autorización para tratar tus datos personales. ' +
    'El responsable es {company}. Para consultar, corregir o pedir que borremos tus datos, escríbenos a {contact}.' +
    '\n\n{summary}\n\nPolítica completa: {url}',
  consentAccept: 'Acepto',
  consentDecline: 'No acepto',
  consentDeclined:
    'Entendido. No registramos tus datos: borramos el correo que escribiste y tu nombre de perfil. Solo ' +
    'conservamos tu número de WhatsApp y esta conversación, para poder responderte si nos vuelves a escribir. ' +
    'Si cambias de opinión, escríbenos cuando quieras. ¡Hasta pronto! 👋',
  consentThanks: '¡Gracias! ¿Cómo quieres buscar tu inmueble?',
  chooseFilter: '¿Cómo quieres buscar tu inmueble?',
  filterPrice: 'Precio',
  filterCity: 'Ciudad',
  filterPropertyType: 'Tipo de inmueble',
  choosePriceRange: '¿En qué rango de precio buscas?',
  chooseCity: '¿En qué ciudad te interesa?',
  choosePropertyType: '¿Qué tipo de inmueble buscas?',
  listButtonOptions: 'Ver opciones',
  projectList: 'Encontré {count} proyectos para ti. Elige uno para ver sus inmuebles.',
  projectListOne: 'Encontré 1 proyecto para ti. Ábrelo para ver sus inmuebles.',
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
  outcomeAdvisor: 'Hablar con un asesor',
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
  textOnlyOfferAdvisor:
    'Por ahora solo puedo leer mensajes de texto. 🙏 Si prefieres, un asesor puede escuchar tu audio o ver tu archivo.',
  welcomeBack: '¡Hola de nuevo! 👋 ¿Seguimos con {topic} o empezamos otra búsqueda?',
  welcomeBackTopic: 'tu búsqueda',
  welcomeBackContinue: 'Seguir',
  restartHint: 'Escribe «menú» para empezar de nuevo',
  emailTypoQuestion: '¿Quisiste decir {email}?',
  emailTypoYes: 'Sí, ese es',
  emailTypoNo: 'No, está bien así',
  greetingAgain: '¡Hola! 😊 Sigamos donde íbamos.',
  thanksReply: '¡Con mucho gusto! 😊',
  goodbyeReply: '¡Hasta pronto! 👋 Cuando quieras seguir, escríbeme por aquí.',
  questionNoted: '¡Buena pregunta! Un asesor te la responde; mientras tanto, sigamos.',
  questionNotedBeforeConsent:
    '¡Buena pregunta! Un asesor te la responde en cuanto terminemos tu registro; mientras tanto, sigamos.',
  consentUnsure:
    'Con gusto te explico: con tu autorización guardamos tu correo y tu número solo para enviarte la ' +
    'información de los proyectos y para que un asesor te contacte. Puedes aceptar o no, como prefieras.',
  emailTypoUnsure: 'Revisa el correo de arriba: si está bien escrito, elige «Sí, ese es»; si no, escríbelo de nuevo.',
  quoteNeedsUnit: '¡Claro! Para simularte la cotización, primero elige el inmueble.',
  searchNoted: '¡Perfecto, lo tengo en cuenta! 👌',
  advisorDeclined: 'Listo. Si más adelante quieres hablar con un asesor o hacer otra búsqueda, escríbeme por aquí. 😊',
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
