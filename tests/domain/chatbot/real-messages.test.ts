import { describe, expect, it } from 'vitest';
import type { BotState, BotTurn } from '../../../domain/chatbot/bot-state.ts';
import { advance } from '../../../domain/chatbot/flow.ts';
import { interpret, type Reading } from '../../../domain/chatbot/interpret.ts';
import { limitViolations } from '../../../domain/messaging/outbound.ts';
import { ctx, STATES } from './real-messages.fixture.ts';
import { type Expected, type Reads, ROWS, type Row } from './real-messages.table.ts';

const readsOf = (reading: Reading): Reads => (reading.kind === 'intent' ? reading.intent : reading.kind);

const criteriaOf = (state: BotState): Record<string, unknown> | null => {
  if ('session' in state && state.session !== undefined) return { ...state.session.criteria };
  if ('pending' in state) {
    const { projectId: _project, ...criteria } = state.pending ?? {};
    return criteria;
  }
  return null;
};

const projectOf = (state: BotState): string | undefined =>
  'projectId' in state ? state.projectId : 'pending' in state ? state.pending?.projectId : undefined;

const emailOf = (state: BotState): string | undefined =>
  state.step === 'awaitingConsent' ? state.email : state.step === 'confirmingEmail' ? state.suggested : undefined;

/** Every way the bot's answer differs from the row's expectation (none: handled correctly). */
const differences = ([at, text, step, reads, expected = {}]: Row): string[] => {
  const state: BotState = STATES[at];
  const reading = interpret(state, text, ctx);
  const turn: BotTurn = advance(state, { kind: 'text', body: text }, ctx);
  const found: string[] = [];
  const check = (what: string, actual: unknown, wanted: unknown) => {
    if (JSON.stringify(actual) !== JSON.stringify(wanted))
      found.push(`${what}: ${JSON.stringify(actual)} instead of ${JSON.stringify(wanted)}`);
  };
  check('reading', readsOf(reading), reads);
  check('step', turn.state.step, step);
  const e: Expected = expected;
  if (e.choice !== undefined) check('choice', reading.kind === 'choice' ? reading.id : null, e.choice);
  if (e.criteria !== undefined) check('criteria', criteriaOf(turn.state), e.criteria);
  if (e.project !== undefined) check('project', projectOf(turn.state), e.project);
  if (e.unitType !== undefined)
    check('unit type', 'unitTypeId' in turn.state ? turn.state.unitTypeId : undefined, e.unitType);
  if (e.effects !== undefined)
    check(
      'effects',
      turn.effects.map((x) => x.type),
      e.effects,
    );
  if (e.email !== undefined) check('email', emailOf(turn.state), e.email);
  const said = turn.replies.map((r) => ('body' in r ? r.body : ''));
  // Only what the bot could not read gets "No entendí"; everything else is answered as what it is.
  if (reads !== 'unknown' && said.includes(ctx.texts.notUnderstood)) found.push('answered "No entendí"');
  if (turn.replies.length === 0 && !turn.effects.some((x) => x.type === 'HandToAdvisor')) found.push('no reply');
  for (const reply of turn.replies) found.push(...limitViolations(reply));
  return found;
};

describe('messages as real leads write them', () => {
  it('has at least 200 of them', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(200);
  });

  it('handles every one of them as expected (the share is printed)', () => {
    const failures = ROWS.flatMap((row) => {
      const found = differences(row);
      return found.length === 0 ? [] : [`[${row[0]}] ${JSON.stringify(row[1])}: ${found.join('; ')}`];
    });
    const handled = ROWS.length - failures.length;
    console.log(
      `real lead messages handled correctly: ${handled}/${ROWS.length} (${((100 * handled) / ROWS.length).toFixed(1)} %)`,
    );
    expect(failures).toEqual([]);
  });
});
