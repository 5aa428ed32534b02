/**
 * Renders sample proposals to PDF and PNG for a look: `npx tsx tests/support/render-proposal-samples.ts [dir]`
 * (default /tmp/proposals; needs poppler's `pdftoppm`). Short, 60 instalments, long names, no builder.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderProposal } from '../../adapters/pdf/pdf-quote-document-renderer.ts';
import type { QuoteDocument } from '../../domain/quote/quote-document.ts';
import { aQuoteDocument, quoteOf } from '../builders/quote-document-builder.ts';
import { aQuoteRequest } from '../builders/quote-request-builder.ts';

const long = 'Conjunto Residencial Reservas de San Sebastián de los Altos del Retiro Etapa III Torre Norte';
const samples: Record<string, QuoteDocument> = {
  short: aQuoteDocument()
    .forQuote(quoteOf(aQuoteRequest().withPlan({ instalments: 6 }).build()))
    .build(),
  sixty: aQuoteDocument()
    .forQuote(quoteOf(aQuoteRequest().withPlan({ instalments: 60 }).withExtra('Parqueadero 2', 25_000_000).build()))
    .build(),
  'long-names': aQuoteDocument()
    .forQuote(
      quoteOf(
        aQuoteRequest()
          .withProject({ name: long, city: 'San Sebastián de Mariquita, Tolima' })
          .withUnitType({ name: 'Apartamento dúplex de tres alcobas con estudio, balcón y terraza privada' })
          .withUnitCode('TORRE-NORTE-PH-1502-B')
          .withSaving(
            'Cesantías del Fondo Nacional del Ahorro y subsidio de la caja de compensación familiar',
            9_000_000,
          )
          .build(),
      ),
    )
    .withClient({
      name: 'María de los Ángeles Fernández de Castro y Valderrama Uribe',
      email: 'maria.de.los.angeles.fernandez.castro.valderrama@universidad-nacional.edu.co',
      phone: '+57 310 555 1234',
    })
    .withAdvisor({
      name: 'Juan Sebastián Restrepo Villegas de la Cuesta',
      email: 'juan.sebastian.restrepo@constructora-demo.co',
      phone: null,
    })
    .build(),
  dated: aQuoteDocument()
    .forQuote(
      quoteOf(
        aQuoteRequest()
          .withPlan({ deliveryDate: '2027-06-30', extraordinaryInstalments: { months: [6, 12], shareBps: 2000 } })
          .build(),
      ),
    )
    .build(),
  'no-builder': aQuoteDocument()
    .withBuilder(null)
    .withAdvisor(null)
    .withClient({ name: 'Camila', email: null, phone: '+57 300 222 0091' })
    .withDataPolicyUrl(null)
    .build(),
};

const dir = process.argv[2] ?? '/tmp/proposals';
mkdirSync(dir, { recursive: true });
for (const [name, document] of Object.entries(samples)) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, (await renderProposal(document)).bytes);
  execFileSync('pdftoppm', ['-png', '-r', '80', file, join(dir, name)]);
  console.log(file);
}
