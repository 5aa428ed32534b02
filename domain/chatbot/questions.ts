import type { PropertyType } from '../catalog/catalog.ts';
import { fromPrice, matchingProjects, matchingUnitTypes, optionsFor } from '../catalog/search.ts';
import { buttonsMessage, listMessage, pageOf, textMessage } from '../messaging/builders.ts';
import type { ListRow, OutboundContent } from '../messaging/outbound.ts';
import { formatMoneyShort } from '../shared/money.ts';
import type { ProjectId } from '../shared/ids.ts';
import type { BotContext, BotState, Session } from './bot-state.ts';
import { fill } from './bot-texts.ts';
import { unknownDataController } from './data-controller.ts';

/** Choice ids: a prefix naming the question, then the value. */
export const ID = {
  consentYes: 'consent:yes',
  consentNo: 'consent:no',
  emailYes: 'email:yes',
  emailNo: 'email:no',
  filterPrice: 'filter:price',
  filterCity: 'filter:city',
  filterType: 'filter:type',
  advisor: 'outcome:advisor',
  quote: 'outcome:quote',
  newSearch: 'outcome:restart',
  resume: 'resume:continue',
  savingsYes: 'savings:yes',
  savingsNo: 'savings:no',
  savingsUnsure: 'savings:unsure',
  page: (n: number) => `page:${n}`,
  price: (id: string) => `price:${id}`,
  city: (name: string) => `city:${name}`,
  type: (t: string) => `type:${t}`,
  project: (id: string) => `project:${id}`,
  unitType: (id: string) => `unittype:${id}`,
} as const;

const minPrice = (ctx: BotContext, session: Session, projectId: ProjectId): string => {
  const prices = matchingUnitTypes(ctx.catalog, projectId, session.criteria)
    .map((t) => fromPrice(ctx.catalog, t.id))
    .filter((p) => p !== null);
  const low = prices.reduce((a, b) => (b.amount < a.amount ? b : a), prices[0] ?? { amount: 0, currency: 'COP' });
  return prices.length === 0 ? '—' : formatMoneyShort(low);
};

/** The full, unpaged list of answers a choosing step accepts (rows carry their choice ids). */
export const rowsOf = (state: BotState, ctx: BotContext): ListRow[] => {
  const { catalog, texts } = ctx;
  switch (state.step) {
    case 'choosingPriceRange':
      return optionsFor(catalog, state.session.criteria, 'price').map((id) => ({
        id: ID.price(id),
        title: catalog.priceBuckets.find((b) => b.id === id)?.label ?? id,
      }));
    case 'choosingCity':
      return optionsFor(catalog, state.session.criteria, 'city').map((c) => ({ id: ID.city(c), title: c }));
    case 'choosingPropertyType':
      return optionsFor(catalog, state.session.criteria, 'propertyType').map((t) => ({
        id: ID.type(t),
        title: texts.propertyTypes[t as PropertyType],
      }));
    case 'choosingProject':
      return matchingProjects(catalog, state.session.criteria).map((p) => ({
        id: ID.project(p.id),
        title: p.name,
        description: fill(texts.projectRowDescription, { city: p.city, price: minPrice(ctx, state.session, p.id) }),
      }));
    case 'choosingUnitType':
      return matchingUnitTypes(catalog, state.projectId, state.session.criteria).map((t) => {
        const price = fromPrice(catalog, t.id);
        const template = price === null ? texts.unitTypeRowDescriptionNoPrice : texts.unitTypeRowDescription;
        return {
          id: ID.unitType(t.id),
          title: t.name,
          description: fill(template, { area: t.areaM2, price: price === null ? '' : formatMoneyShort(price) }),
        };
      });
    default:
      return [];
  }
};

const pagedList = (body: string, label: string, rows: readonly ListRow[], page: number, ctx: BotContext) => {
  const { items, hasMore } = pageOf(rows, page);
  const more = hasMore
    ? [{ id: ID.page(page + 1), title: ctx.texts.seeMore, description: ctx.texts.seeMoreDescription }]
    : [];
  return listMessage(body, label, [...items, ...more], ctx.texts.restartHint);
};

export const filterButtons = (body: string, ctx: BotContext): OutboundContent =>
  buttonsMessage(body, [
    { id: ID.filterPrice, title: ctx.texts.filterPrice },
    { id: ID.filterCity, title: ctx.texts.filterCity },
    { id: ID.filterType, title: ctx.texts.filterPropertyType },
  ]);

export const outcomeButtons = (body: string, ctx: BotContext, second: 'quote' | 'restart'): OutboundContent =>
  buttonsMessage(body, [
    { id: ID.advisor, title: ctx.texts.outcomeAdvisor },
    second === 'quote'
      ? { id: ID.quote, title: ctx.texts.outcomeQuote }
      : { id: ID.newSearch, title: ctx.texts.outcomeNewSearch },
  ]);

const nameOfProject = (ctx: BotContext, id: ProjectId) => ctx.catalog.projects.find((p) => p.id === id);

/**
 * The bot's greeting, naming the builder (`{brand}`). A name that ends in a full stop ("… S.A.S.") loses it, as the
 * sentence's own full stop closes it: no "S.A.S.." in front of the lead.
 */
export const welcomeText = ({ texts, controller = unknownDataController }: BotContext): string =>
  fill(texts.welcome, { brand: controller.brand.replace(/\.+$/, '') });

/**
 * The consent question's text, the privacy notice, as the lead reads it before accepting (the controller may be
 * named in the policy's summary too): fingerprinted as consent evidence.
 */
export const consentQuestionText = ({ texts, policy, controller = unknownDataController }: BotContext): string => {
  const named = { company: controller.company, contact: controller.contact, url: policy.url };
  return fill(texts.consentQuestion, { ...named, summary: fill(policy.summary, named) });
};

/** The current question, asked again exactly as the lead first saw it. */
export const question = (state: BotState, ctx: BotContext): OutboundContent[] => {
  const { texts } = ctx;
  switch (state.step) {
    case 'start':
    case 'awaitingEmail':
      return [textMessage(texts.askEmail)];
    case 'confirmingEmail':
      return [
        buttonsMessage(fill(texts.emailTypoQuestion, { email: state.suggested }), [
          { id: ID.emailYes, title: texts.emailTypoYes },
          { id: ID.emailNo, title: texts.emailTypoNo },
        ]),
      ];
    case 'awaitingConsent':
      return [
        buttonsMessage(consentQuestionText(ctx), [
          { id: ID.consentYes, title: texts.consentAccept },
          { id: ID.consentNo, title: texts.consentDecline },
        ]),
      ];
    case 'choosingFilter':
      return [filterButtons(texts.chooseFilter, ctx)];
    case 'choosingPriceRange':
      return [pagedList(texts.choosePriceRange, texts.listButtonOptions, rowsOf(state, ctx), state.page, ctx)];
    case 'choosingCity':
      return [pagedList(texts.chooseCity, texts.listButtonOptions, rowsOf(state, ctx), state.page, ctx)];
    case 'choosingPropertyType':
      return [pagedList(texts.choosePropertyType, texts.listButtonOptions, rowsOf(state, ctx), state.page, ctx)];
    case 'choosingProject': {
      const rows = rowsOf(state, ctx);
      return [
        pagedList(
          rows.length === 1 ? texts.projectListOne : fill(texts.projectList, { count: rows.length }),
          texts.listButtonProjects,
          rows,
          state.page,
          ctx,
        ),
      ];
    }
    case 'choosingUnitType': {
      const project = nameOfProject(ctx, state.projectId);
      const body = fill(texts.chooseUnitType, { project: project?.name ?? '', city: project?.city ?? '' });
      return [pagedList(body, texts.listButtonUnitTypes, rowsOf(state, ctx), state.page, ctx)];
    }
    case 'choosingOutcome': {
      const unitType = ctx.catalog.unitTypes.find((t) => t.id === state.unitTypeId);
      const body = fill(texts.chooseOutcome, {
        unitType: unitType?.name ?? '',
        project: nameOfProject(ctx, state.projectId)?.name ?? '',
      });
      return [outcomeButtons(body, ctx, 'quote')];
    }
    case 'askingSavings':
      return [
        buttonsMessage(texts.askSavings, [
          { id: ID.savingsYes, title: texts.savingsYes },
          { id: ID.savingsNo, title: texts.savingsNo },
          { id: ID.savingsUnsure, title: texts.savingsUnsure },
        ]),
      ];
    case 'quoted':
      return [outcomeButtons(texts.afterQuote, ctx, 'restart')];
    case 'withAdvisor':
      return [textMessage(texts.alreadyWithAdvisor)];
  }
};
