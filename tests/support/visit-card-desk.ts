import { OpenVisit } from '../../application/use-cases/open-visit.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import { visitCardModule } from '../../bootstrap/modules/visit-card-module.ts';
import { asId, type LeadId, type ProjectId } from '../../domain/shared/ids.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import { startDesk, type Desk } from './desk-harness.ts';
import { actorNamed, leadRouter } from './lead-desk-routes.ts';

/** The visit card's use cases, bound by its container module on the assembled desk. */
export const visitCardUseCases = async (desk: Desk) => {
  if (!desk.container.isBound(TOKENS.GetVisitCard)) await desk.container.load(visitCardModule());
  return {
    getVisitCard: desk.container.get(TOKENS.GetVisitCard),
    changeVisitStage: desk.container.get(TOKENS.ChangeVisitStage),
    scheduleAppointment: desk.container.get(TOKENS.ScheduleAppointment),
    listAgenda: desk.container.get(TOKENS.ListAgenda),
    reserveUnit: desk.container.get(TOKENS.ReserveUnit),
    authoriseReservation: desk.container.get(TOKENS.AuthoriseReservation),
    cancelReservation: desk.container.get(TOKENS.CancelReservation),
  };
};

/** The desk with a lead registered through the bot and a visit opened for p-bog-1 (units `…-u1` to `-u3` available). */
export const deskWithVisit = async () => {
  const desk = await startDesk();
  const { lead } = await registerThroughBot(desk, '+573007770001', 'Pedro Díaz');
  const uow = desk.container.get(TOKENS.UnitOfWork);
  const openVisit = new OpenVisit(uow, desk.clock, desk.container.get(TOKENS.IdGenerator));
  const opened = await openVisit.execute({
    actor: actorNamed('admin'),
    leadId: asId<LeadId>(lead.id),
    projectId: asId<ProjectId>('p-bog-1'),
  });
  if (!opened.ok) throw new Error('could not open a visit');
  const advisor = lead.advisorId ?? 'u-ana';
  const other = ['u-ana', 'u-carlos', 'u-valentina'].find((u) => u !== advisor) ?? 'u-ana';
  const catalog = await desk.read((r) => r.catalog.all());
  const units = catalog.units.filter((u) => u.projectId === 'p-bog-1' && u.status === 'available');
  return { desk, lead, visit: opened.value, advisor, other, units, useCases: await visitCardUseCases(desk) };
};

/** The visit card over the real CRM API (`leadRouter`: authentication, middleware, every resource). */
export const visitCardRouter = async () => {
  const setup = await deskWithVisit();
  const api = leadRouter(setup.desk);
  const send = (actor: string, method: string, path: string, body?: unknown) =>
    api.as(actor).send(path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      headers: { 'content-type': 'application/json' },
    });
  return { ...setup, send };
};
