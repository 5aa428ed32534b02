import { DESK_WORKING_HOURS } from '../../domain/organisation/working-hours.ts';
import { describe, expect, it } from 'vitest';
import { demoBuilderProfile } from '../../bootstrap/demo/demo-builder.ts';
import { defaultBotTexts } from '../../domain/chatbot/bot-texts.ts';
import { asId, type AdvisorGroupId, type LineId, type UserId } from '../../domain/shared/ids.ts';
import { anAdvisorGroup } from '../builders/advisor-group-builder.ts';
import { aLine } from '../builders/line-builder.ts';
import { aTemplate } from '../builders/template-builder.ts';
import { aUser } from '../builders/user-builder.ts';
import { catalogRepositoryContract } from './catalog-repository.contract.ts';
import { useSubject, type OpenSubject } from './contract-subject.ts';

/** Lines, organisation, templates and bot settings; the catalogue has its own suite. */
export const configurationContract = (name: string, open: OpenSubject) =>
  describe(`${name}: configuration`, () => {
    describe('lines, organisation, templates and settings', () => settingsContract(open));
    catalogRepositoryContract(open);
  });

const settingsContract = (open: OpenSubject): void => {
  const subject = useSubject(open);
  const repos = () => subject().repos;

  it('has no builder profile until one is saved, then gives it back whole, logo bytes included, replaced', async () => {
    expect(await repos().builder.current()).toBeNull();
    const profile = demoBuilderProfile();
    await repos().builder.save(profile);
    expect(await repos().builder.current()).toEqual(profile);
    const plain = { ...profile, name: 'Constructora Sin Logo S.A.S.', website: null, logo: null };
    await repos().builder.save(plain);
    expect(await repos().builder.current()).toEqual(plain);
  });

  it('stores lines, found by id and by Meta phone-number id, replaced by id', async () => {
    const bogota = aLine().withId('line-bog').withPhoneNumberId('111').offering('project-1', 'project-2').build();
    const cali = aLine().withId('line-cal').withPhoneNumberId('222').build();
    await repos().lines.save(bogota);
    await repos().lines.save(cali);
    expect(await repos().lines.byId(bogota.id)).toEqual(bogota);
    expect(await repos().lines.byPhoneNumberId('222')).toEqual(cali);
    expect(await repos().lines.byId(asId<LineId>('line-none'))).toBeNull();
    expect(await repos().lines.byPhoneNumberId('999')).toBeNull();

    const renamed = { ...bogota, name: 'Ventas Chapinero', projectIds: [], botQuotesForRegistered: true };
    await repos().lines.save(renamed);
    expect(await repos().lines.list()).toEqual(expect.arrayContaining([renamed, cali]));
    expect(await repos().lines.list()).toHaveLength(2);
  });

  it('stores users and advisor groups, replaced by id', async () => {
    const laura = aUser().withId('user-laura').build();
    const group = anAdvisorGroup().withId('group-1').withAdvisors('user-laura', 'user-pedro').build();
    await repos().organisation.saveUser(laura);
    await repos().organisation.saveUser(aUser().withId('user-pedro').withRole('manager').build());
    await repos().organisation.saveUser({ ...laura, active: false });
    await repos().organisation.saveGroup(group);

    expect(await repos().organisation.user(laura.id)).toEqual({ ...laura, active: false });
    expect(await repos().organisation.users()).toHaveLength(2);
    expect(await repos().organisation.user(asId<UserId>('user-none'))).toBeNull();
    expect(await repos().organisation.group(group.id)).toEqual(group);
    expect(await repos().organisation.group(asId<AdvisorGroupId>('group-none'))).toBeNull();
  });

  it('keeps a user’s own working hours, and drops them when saved without', async () => {
    const hours = {
      ...DESK_WORKING_HOURS,
      monday: [
        { opens: 7 * 60, closes: 12 * 60 },
        { opens: 14 * 60, closes: 19 * 60 },
      ],
      sunday: [],
    };
    const laura = aUser().withId('user-laura').workingHours(hours).build();
    await repos().organisation.saveUser(laura);
    expect(await repos().organisation.user(laura.id)).toEqual(laura);
    expect((await repos().organisation.users())[0]?.workingHours).toEqual(hours);

    const { workingHours: _dropped, ...deskHours } = laura;
    await repos().organisation.saveUser(deskHours);
    const stored = await repos().organisation.user(laura.id);
    expect(stored).toEqual(deskHours);
    expect(stored !== null && 'workingHours' in stored).toBe(false);
  });

  it('lists every advisor group by name, then id, with its members in order', async () => {
    const zeta = anAdvisorGroup().withId('group-a').withName('Zeta').withAdvisors('user-2', 'user-1').build();
    const alphaB = anAdvisorGroup().withId('group-b').withName('Alfa').withAdvisors().build();
    const alphaA = anAdvisorGroup().withId('group-a2').withName('Alfa').withAdvisors('user-1').build();
    for (const g of [zeta, alphaB, alphaA]) await repos().organisation.saveGroup(g);
    expect(await repos().organisation.groups()).toEqual([alphaA, alphaB, zeta]);
  });

  it('offers only approved templates, by name; finds any template by name and language', async () => {
    const zeta = aTemplate().named('zeta_recordatorio').build();
    const alpha = aTemplate().named('alpha_bienvenida').build();
    const alphaEn = aTemplate().named('alpha_bienvenida').inLanguage('en_US').withBody('Hi {{1}}').build();
    const pending = aTemplate().named('beta_promocion').withStatus('PENDING').build();
    for (const t of [zeta, pending, alpha, alphaEn]) await repos().templates.save(t);

    const approved = await repos().templates.approved();
    expect(approved.map((t) => t.name)).toEqual(['alpha_bienvenida', 'alpha_bienvenida', 'zeta_recordatorio']);
    expect(approved).toEqual(expect.arrayContaining([alpha, alphaEn, zeta]));
    expect(await repos().templates.byName('beta_promocion', 'es')).toEqual(pending);
    expect(await repos().templates.byName('alpha_bienvenida', 'en_US')).toEqual(alphaEn);
    expect(await repos().templates.byName('alpha_bienvenida', 'pt_BR')).toBeNull();
    expect((await repos().templates.all()).map((t) => `${t.name}/${t.language}`)).toEqual([
      'alpha_bienvenida/en_US',
      'alpha_bienvenida/es',
      'beta_promocion/es',
      'zeta_recordatorio/es',
    ]);

    await repos().templates.save({ ...zeta, status: 'PAUSED' });
    expect((await repos().templates.approved()).map((t) => t.name)).not.toContain('zeta_recordatorio');
  });

  it('starts from the default bot settings, then returns what was saved', async () => {
    const defaults = await repos().settings.current();
    expect(defaults.texts).toEqual(defaultBotTexts);
    expect(defaults.policy.version).not.toBe('');
    expect(defaults.policy.url).toMatch(/^https:\/\//);
    expect(defaults.flow.narrowAbove).toBeGreaterThan(0);

    const custom = {
      ...defaults,
      texts: { ...defaults.texts, welcome: '¡Bienvenido a Constructora Andina!' },
      policy: { version: '2026-03', url: 'https://andina.example/datos', summary: 'Resumen.' },
      flow: { narrowAbove: 3, welcomeBackAfterHours: 12 },
    };
    await repos().settings.save(custom);
    expect(await repos().settings.current()).toEqual(custom);
  });
};
