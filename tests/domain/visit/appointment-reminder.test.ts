import { describe, expect, it } from 'vitest';
import { HOUR_MS } from '../../../domain/shared/time.ts';
import {
  reminderMessage,
  reminderTemplate,
  reminderText,
  spokenWhen,
} from '../../../domain/visit/appointment-reminder.ts';
import { aTemplate, recordatorioCita } from '../../builders/template-builder.ts';

const T = Date.UTC(2026, 10, 26, 15); // Thursday 26 Nov 2026, 10:00 in Bogotá
const facts = { leadName: 'Pedro Díaz', place: 'Torres del Parque', startsAt: T };

describe('an appointment reminder', () => {
  it('says the time as Colombians do, on Bogotá’s clock', () => {
    expect(spokenWhen(T)).toBe('jueves 26 de noviembre a las 10:00 de la mañana');
    expect(spokenWhen(T + 3 * HOUR_MS)).toBe('jueves 26 de noviembre a la 1:00 de la tarde');
    expect(spokenWhen(Date.UTC(2026, 11, 1, 5))).toBe('martes 1 de diciembre a las 12:00 de la mañana');
  });

  it('is a kind text inside the 24-hour window, greeting the lead by first name', () => {
    expect(reminderText(facts)).toBe(
      '¡Hola, Pedro! Te recordamos tu cita en Torres del Parque el jueves 26 de noviembre a las 10:00 de la mañana. ' +
        '¡Te esperamos! Si necesitas cambiar la hora, respóndenos por aquí.',
    );
    const now = T - 24 * HOUR_MS;
    expect(reminderMessage({ facts, lastInboundAt: now - HOUR_MS, now, template: null })).toEqual({
      ok: true,
      value: { kind: 'text', body: reminderText(facts) },
    });
  });

  it('is the approved template outside the window, filled with as many parameters as it takes', () => {
    const now = T - 24 * HOUR_MS;
    const template = recordatorioCita().build();
    expect(reminderMessage({ facts: { ...facts, leadName: null }, lastInboundAt: null, now, template })).toEqual({
      ok: true,
      value: {
        kind: 'template',
        name: 'recordatorio_cita',
        language: 'es_CO',
        parameters: ['de nuevo', 'Torres del Parque', 'jueves 26 de noviembre a las 10:00 de la mañana'],
        renderedText:
          'Hola de nuevo, te recordamos tu cita en Torres del Parque el jueves 26 de noviembre a las 10:00 de la mañana. ¡Te esperamos!',
      },
    });
    const short = aTemplate().named('recordatorio_cita').withBody('Hola {{1}}, mañana es tu cita.').build();
    const one = reminderMessage({ facts, lastInboundAt: null, now, template: short });
    expect(one.ok && one.value.kind === 'template' && one.value.parameters).toEqual(['Pedro']);
  });

  it('cannot be sent outside the window without an approved template, or with one asking too much', () => {
    const now = T - 24 * HOUR_MS;
    const closed = { facts, lastInboundAt: now - 25 * HOUR_MS, now };
    expect(reminderMessage({ ...closed, template: null })).toEqual({ ok: false, error: 'no_approved_template' });
    const pending = recordatorioCita().withStatus('PENDING').build();
    expect(reminderMessage({ ...closed, template: pending })).toEqual({ ok: false, error: 'no_approved_template' });
    const greedy = aTemplate().withBody('{{1}} {{2}} {{3}} {{4}}').build();
    expect(reminderMessage({ ...closed, template: greedy })).toEqual({
      ok: false,
      error: 'template_parameter_mismatch',
    });
  });

  it('picks the approved template by name, Colombian Spanish first', () => {
    const es = recordatorioCita().inLanguage('es').build();
    const co = recordatorioCita().build();
    const en = recordatorioCita().inLanguage('en_US').build();
    expect(reminderTemplate([en, es, co], 'recordatorio_cita')).toEqual(co);
    expect(reminderTemplate([en, es], 'recordatorio_cita')).toEqual(es);
    expect(reminderTemplate([en], 'recordatorio_cita')).toEqual(en);
    expect(reminderTemplate([co], 'otra')).toBeNull();
  });
});
