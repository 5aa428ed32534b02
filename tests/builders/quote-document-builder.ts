import { demoBuilderProfile } from '../../bootstrap/demo/demo-builder.ts';
import type { BuilderProfile } from '../../domain/builder/builder-profile.ts';
import { simulateQuote, type Quote, type QuoteRequest } from '../../domain/quote/quote.ts';
import type { QuoteContact, QuoteDocument } from '../../domain/quote/quote-document.ts';
import { defaultQuoteLabels, type QuoteLabels } from '../../domain/quote/quote-labels.ts';
import { aQuoteRequest } from './quote-request-builder.ts';

export const quoteOf = (req: QuoteRequest): Quote => {
  const result = simulateQuote(req);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

const defaults: QuoteDocument = {
  quote: quoteOf(aQuoteRequest().build()),
  labels: defaultQuoteLabels,
  builder: demoBuilderProfile(),
  client: { name: 'Marta Lucía Gil', email: 'marta.gil@correo.co', phone: '+57 300 777 0091' },
  advisor: { name: 'Ana Gómez', email: 'ana@constructora-demo.co', phone: null },
  dataPolicyUrl: 'https://constructora-demo.co/datos',
  property: {
    floor: 5,
    builtAreaM2: 68.4,
    estrato: 4,
    adminFee: { amount: 250_000, currency: 'COP' },
    fiduciary: { name: 'Fiduciaria Demo S.A.', note: 'Encargo fiduciario del proyecto' },
    paymentChannel: 'Consignación en la cuenta de la fiducia o pago por PSE con la referencia de tu separación.',
  },
};

class QuoteDocumentBuilder {
  constructor(private readonly state: QuoteDocument) {}

  private with(patch: Partial<QuoteDocument>): QuoteDocumentBuilder {
    return new QuoteDocumentBuilder({ ...this.state, ...patch });
  }

  forQuote(quote: Quote): QuoteDocumentBuilder {
    return this.with({ quote });
  }

  withLabels(labels: QuoteLabels): QuoteDocumentBuilder {
    return this.with({ labels });
  }

  withBuilder(builder: BuilderProfile | null): QuoteDocumentBuilder {
    return this.with({ builder });
  }

  withClient(client: QuoteContact): QuoteDocumentBuilder {
    return this.with({ client });
  }

  withAdvisor(advisor: QuoteDocument['advisor']): QuoteDocumentBuilder {
    return this.with({ advisor });
  }

  withProperty(property: QuoteDocument['property']): QuoteDocumentBuilder {
    return this.with({ property });
  }

  withDataPolicyUrl(dataPolicyUrl: string | null): QuoteDocumentBuilder {
    return this.with({ dataPolicyUrl });
  }

  build(): QuoteDocument {
    return this.state;
  }
}

/** A proposal for the default quote, from the demo builder, to a registered client with an advisor. */
export const aQuoteDocument = (): QuoteDocumentBuilder => new QuoteDocumentBuilder(defaults);
