import { type BuilderProfile, checkBuilderProfile } from '../../domain/builder/builder-profile.ts';
import { demoLogoPng } from './demo-logo.ts';

/** The demo desk's builder, checked as an administrator's would be (a valid NIT, a logo that reads). */
export const demoBuilderProfile = (): BuilderProfile => {
  const profile = checkBuilderProfile({
    name: 'Constructora Andina Demo S.A.S.',
    nit: '901.234.567-7',
    address: 'Carrera 43A # 1-50, oficina 804, El Poblado, Medellín',
    salesPhone: '+57 604 444 0100',
    salesEmail: 'ventas@constructora-demo.co',
    website: 'www.constructora-demo.co',
    logo: demoLogoPng(),
    dataRequestsContact: 'datospersonales@constructora-demo.co',
  });
  if (!profile.ok) throw new Error(`demo builder profile is invalid: ${JSON.stringify(profile.error)}`);
  return profile.value;
};
