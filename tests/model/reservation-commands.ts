/** The model run's reservation commands and invariants: separations, their authorisation, promesa and expiry. */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Actor } from '../../application/ports/actor.ts';
import { OpenVisit } from '../../application/use-cases/open-visit.ts';
import { TOKENS } from '../../bootstrap/tokens.ts';
import type { Lead, VisitStage } from '../../domain/lead/lead.ts';
import type { ProjectId, UserId } from '../../domain/shared/ids.ts';
import { DAY_MS } from '../../domain/shared/time.ts';
import { isFinal } from '../../domain/visit/funnel.ts';
import { isActive, isOpen, type Reservation } from '../../domain/visit/reservation.ts';
import { registerThroughBot } from '../builders/desk-leads.ts';
import type { Desk } from '../support/desk-harness.ts';

const PROJECT = 'p-bog-1' as ProjectId;
const NINE_DAYS = 9 * DAY_MS;
const MANAGER: Actor = { kind: 'bootstrap-admin', role: 'admin' };

/** What the reservation commands exercised, so a quiet generator cannot pass vacuously. */
export const reservationsSeen = { reserved: 0, refusedTwice: 0, promised: 0, expired: 0, released: 0 };

const advisorOf = (lead: Lead): Actor => ({ kind: 'user', userId: lead.advisorId as UserId, role: 'advisor' });

const leadAt = async (desk: Desk, phone: string): Promise<Lead | null> =>
  (await desk.read((r) => r.leads.list())).find((l) => l.phone === phone) ?? null;

/** Every reservation stored, through the visits of every lead. */
const allReservations = (desk: Desk): Promise<Reservation[]> =>
  desk.read(async (repos) => {
    const found: Reservation[] = [];
    for (const lead of await repos.leads.list())
      for (const visit of await repos.visits.byLead(lead.id))
        found.push(...(await repos.reservations.byVisit(visit.id)));
    return found;
  });

/**
 * No unit is separated twice: at most one active reservation per unit, and each holds its unit (reserved, or sold
 * once the promesa is signed). An expired reservation always released its unit: nothing open is past its expiry
 * after a sweep, and an expired one's unit is available or held by another reservation.
 */
export const checkReservations = async (desk: Desk, swept: boolean): Promise<void> => {
  const reservations = await allReservations(desk);
  const units = (await desk.read((r) => r.catalog.all())).units;
  const active = reservations.filter(isActive);
  expect(new Set(active.map((r) => r.unitId)).size, 'a unit separated twice').toBe(active.length);
  for (const r of active) {
    const status = units.find((u) => u.id === r.unitId)?.status;
    expect(status, `unit of ${r.id} (${r.status})`).toBe(r.status === 'confirmed' ? 'sold' : 'reserved');
  }
  const now = desk.clock.now();
  if (swept)
    expect(
      reservations.filter((r) => isOpen(r) && r.expiresAt <= now),
      'due after a sweep',
    ).toEqual([]);
  for (const r of reservations.filter((x) => x.status === 'expired')) {
    const holder = active.find((a) => a.unitId === r.unitId);
    const status = units.find((u) => u.id === r.unitId)?.status;
    expect(holder !== undefined || status === 'available', `unit of expired ${r.id} is ${status}`).toBe(true);
  }
};

type Run = (desk: Desk, phone: string, n: number) => Promise<void>;

/** The lead's open visit of p-bog-1, opened if it has none. */
const openVisitOf = async (desk: Desk, lead: Lead) => {
  const visits = await desk.read((r) => r.visits.byLead(lead.id));
  const open = visits.find((v) => v.projectId === PROJECT && !isFinal(v.stage));
  if (open !== undefined) return open;
  const opener = new OpenVisit(
    desk.container.get(TOKENS.UnitOfWork),
    desk.clock,
    desk.container.get(TOKENS.IdGenerator),
  );
  const opened = await opener.execute({ actor: MANAGER, leadId: lead.id, projectId: PROJECT });
  if (!opened.ok) throw new Error(`could not open a visit: ${opened.error.type}`);
  return opened.value;
};

const heldBy = async (desk: Desk, lead: Lead) => {
  const visit = await openVisitOf(desk, lead);
  return { visit, held: (await desk.read((r) => r.reservations.byVisit(visit.id))).find(isActive) ?? null };
};

const reserve: Run = async (desk, phone, n) => {
  const lead = await leadAt(desk, phone);
  if (lead === null) return;
  const visit = await openVisitOf(desk, lead);
  const units = (await desk.read((r) => r.catalog.all())).units.filter((u) => u.projectId === PROJECT);
  const unit = units[n % units.length];
  if (unit === undefined) return;
  const wasAvailable = unit.status === 'available';
  const result = await desk.container
    .get(TOKENS.ReserveUnit)
    .execute({ actor: advisorOf(lead), visitId: visit.id, unitId: unit.id });
  if (result.ok) {
    expect(wasAvailable, `${unit.id} separated while ${unit.status}`).toBe(true);
    reservationsSeen.reserved += 1;
  } else if (result.error.type === 'UnitNotAvailable') reservationsSeen.refusedTwice += 1;
};

const authorise: Run = async (desk, phone) => {
  const lead = await leadAt(desk, phone);
  if (lead === null) return;
  const { held } = await heldBy(desk, lead);
  if (held !== null)
    await desk.container.get(TOKENS.AuthoriseReservation).execute({ actor: MANAGER, reservationId: held.id });
};

const cancel: Run = async (desk, phone) => {
  const lead = await leadAt(desk, phone);
  if (lead === null) return;
  const { held } = await heldBy(desk, lead);
  if (held === null) return;
  const result = await desk.container
    .get(TOKENS.CancelReservation)
    .execute({ actor: advisorOf(lead), reservationId: held.id });
  if (result.ok) reservationsSeen.released += 1;
};

const moveTo =
  (stage: VisitStage): Run =>
  async (desk, phone) => {
    const lead = await leadAt(desk, phone);
    if (lead === null) return;
    const { visit } = await heldBy(desk, lead);
    const result = await desk.container
      .get(TOKENS.ChangeVisitStage)
      .execute({ actor: advisorOf(lead), visitId: visit.id, stage });
    if (result.ok && stage === 'promise') reservationsSeen.promised += 1;
    if (result.ok && stage !== 'promise') reservationsSeen.released += 1;
  };

/** Nine days pass (a separation's eight run out) and the background worker sweeps; returns the time that passed. */
const sweepLater = async (desk: Desk): Promise<number> => {
  desk.clock.advance(NINE_DAYS);
  reservationsSeen.expired += (await desk.container.get(TOKENS.ExpireReservations).execute()).length;
  await checkReservations(desk, true);
  return NINE_DAYS;
};

/** The manager authorises and the buyer signs at once: the promesa's path in one step. */
const sign: Run = async (desk, phone, n) => {
  await authorise(desk, phone, n);
  await moveTo('promise')(desk, phone, n);
};

const RUNS: Readonly<Record<string, Run>> = {
  reserve,
  reserveAgain: reserve,
  authorise,
  cancel,
  promise: moveTo('promise'),
  sign,
  withdraw: moveTo('withdrawn'),
  lose: moveTo('lost'),
};

/**
 * Each command as the model needs it: what it does to the desk (returning the time it let pass, if any), after which
 * the model checks every invariant, these included.
 */
export const reservationCommands = <C>(
  phone: fc.Arbitrary<string>,
  make: (label: string, act: (desk: Desk) => Promise<number>) => C,
): fc.Arbitrary<C>[] => [
  fc.tuple(fc.constantFrom(...Object.keys(RUNS)), phone, fc.nat({ max: 7 })).map(([name, p, n]) =>
    make(`${name}(${p}, #${n})`, async (desk) => {
      await RUNS[name]?.(desk, p, n);
      return 0;
    }),
  ),
  fc.constant(make('9 days later, the expiry worker sweeps', sweepLater)),
];

type ReservationCmd = fc.AsyncCommand<object, Desk>;

/** Three leads registered through the bot, who then separate, sign, cancel, withdraw and let time pass. */
export const RESERVING_PHONES = ['+573009990001', '+573009990002', '+573009990003'] as const;

export const reservationScript = fc.commands(
  reservationCommands(
    fc.constantFrom(...RESERVING_PHONES),
    (label, act): ReservationCmd => ({
      check: () => true,
      run: async (_model, desk) => {
        await act(desk);
        await checkReservations(desk, false);
      },
      toString: () => label,
    }),
  ),
  { maxCommands: 40, size: 'max' },
);

/** One run of the reservation script on a desk whose three leads are registered already. */
export const runReservationsOn = async (desk: Desk, cmds: Iterable<ReservationCmd>): Promise<void> => {
  for (const phone of RESERVING_PHONES) await registerThroughBot(desk, phone, 'Cliente');
  await fc.asyncModelRun(() => ({ model: {}, real: desk }), cmds);
};
