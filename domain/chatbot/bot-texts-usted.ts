import { type BotTexts, defaultBotTexts } from './bot-texts.ts';

/**
 * The bot's texts in "usted", for lines whose buyers expect the formal register (a line's `formality`). Texts
 * that address nobody (button titles, labels) are the same in both; a test checks that none of these tutea.
 */
export const defaultBotTextsUsted: BotTexts = {
  ...defaultBotTexts,
  welcome: '¡Hola! 👋 Soy el asistente virtual de ventas de {brand}. Le ayudo a encontrar su próximo hogar.',
  askEmail: '¿Me escribe su correo electrónico? Así le enviamos la información de los proyectos.',
  invalidEmail: 'Ese correo no parece válido. Escríbalo así, sin espacios ni tildes: nombre@dominio.com',
  consentQuestion:
    'Antes de seguir necesitamos su autorización para tratar sus datos personales. ' +
    'El responsable es {company}. Para consultar, corregir o pedir que borremos sus datos, escríbanos a {contact}.' +
    '\n\n{summary}\n\nPolítica completa: {url}',
  consentDeclined:
    'Entendido. No registramos sus datos: borramos el correo que escribió y su nombre de perfil. Solo ' +
    'conservamos su número de WhatsApp y esta conversación, para poder responderle si nos vuelve a escribir. ' +
    'Si cambia de opinión, escríbanos cuando quiera. ¡Hasta pronto! 👋',
  consentThanks: '¡Gracias! ¿Cómo quiere buscar su inmueble?',
  chooseFilter: '¿Cómo quiere buscar su inmueble?',
  choosePriceRange: '¿En qué rango de precio busca?',
  chooseCity: '¿En qué ciudad le interesa?',
  choosePropertyType: '¿Qué tipo de inmueble busca?',
  projectList: 'Encontré {count} proyectos para usted. Elija uno para ver sus inmuebles.',
  projectListOne: 'Encontré 1 proyecto para usted. Ábralo para ver sus inmuebles.',
  noMatch: 'No encontré proyectos con esos criterios. 😕 ¿Quiere buscar con otro filtro?',
  chooseUnitType: '*{project}* ({city}). ¿Qué tipo de inmueble le interesa?',
  chooseOutcome: '*{unitType}* en *{project}*. ¿Qué quiere hacer?',
  afterQuote: '¿Quiere que un asesor lo acompañe con esta cotización?',
  askSavings: '¿Va a usar cesantías o subsidio de vivienda para pagar la cuota inicial?',
  quoteOverHousingCap:
    'Estamos actualizando el precio de este inmueble y por ahora no puedo cotizarlo. Escriba *asesor* y le damos el valor vigente.',
  quoteUnavailable: 'No pude simular la cotización de este inmueble en este momento. Un asesor puede ayudarle.',
  unitTypeSoldOut:
    'Esta tipología está agotada 😔. Puede elegir otra de la lista, o escribir *asesor* para que le cuenten de la lista de espera y de otras opciones.',
  notEnoughTimeForDownPayment:
    'Este proyecto ya está muy cerca de la entrega 🏗️ y la cuota inicial debe quedar pagada a más tardar el ' +
    '{cutOff}, así que no alcanzo a simularle un plan de cuotas mensuales. Un asesor puede contarle las opciones ' +
    'de pago que sí tenemos para usted: escriba *asesor* o elija la opción de abajo.',
  advisorAssigned: '¡Listo! ✅ *{advisor}* será su asesor(a) y lo contactará muy pronto por este chat.',
  advisorPending: '¡Listo! ✅ Registramos sus datos. Un asesor lo contactará muy pronto por este chat.',
  advisorNeedsEmail: 'Con gusto lo comunico con un asesor. Primero necesito su correo electrónico.',
  advisorNeedsConsent: 'Con gusto lo comunico con un asesor. Primero necesito su autorización de datos.',
  alreadyWithAdvisor: 'Su asesor ya tiene su mensaje y le responderá pronto.',
  botResumed:
    'Lo dejo de nuevo con el asistente virtual 🤖. Cuando quiera hablar otra vez con una persona, escriba *asesor*.',
  notUnderstood: 'No entendí su respuesta. Elija una de las opciones, por favor.',
  textOnlyOfferAdvisor:
    'Por ahora solo puedo leer mensajes de texto. 🙏 Si prefiere, un asesor puede escuchar su audio o ver su archivo.',
  welcomeBack: '¡Hola de nuevo! 👋 ¿Seguimos con {topic} o empezamos otra búsqueda?',
  welcomeBackTopic: 'su búsqueda',
  restartHint: 'Escriba «menú» para empezar de nuevo',
  emailTypoQuestion: '¿Quiso decir {email}?',
  goodbyeReply: '¡Hasta pronto! 👋 Cuando quiera seguir, escríbame por aquí.',
  questionNoted: '¡Buena pregunta! Un asesor se la responde; mientras tanto, sigamos.',
  questionNotedBeforeConsent:
    '¡Buena pregunta! Un asesor se la responde en cuanto terminemos su registro; mientras tanto, sigamos.',
  consentUnsure:
    'Con gusto le explico: con su autorización guardamos su correo y su número solo para enviarle la ' +
    'información de los proyectos y para que un asesor lo contacte. Puede aceptar o no, como prefiera.',
  emailTypoUnsure: 'Revise el correo de arriba: si está bien escrito, elija «Sí, ese es»; si no, escríbalo de nuevo.',
  quoteNeedsUnit: '¡Claro! Para simularle la cotización, primero elija el inmueble.',
  advisorAckSoon: 'Recibimos su mensaje 🙌 {advisor} le responde en breve.',
  advisorAckLater: 'Recibimos su mensaje 🙌 {advisor} le responde {when}',
  advisorAckUnassigned: 'Recibimos su mensaje 🙌 Un asesor le responderá pronto.',
  newQuoteStart: '¡Claro! Busquemos otra opción para cotizar.',
  advisorDeclined: 'Listo. Si más adelante quiere hablar con un asesor o hacer otra búsqueda, escríbame por aquí. 😊',
};
