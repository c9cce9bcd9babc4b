import { joinList } from '../../dunning/templates/format.js';
import type { ScriptLanguagePack } from './script-types.js';

const reminders = (count: number) => (count === 1 ? 'één herinnering' : `${count} herinneringen`);

/**
 * Dutch call scripts. Spoken language, "u" throughout, short sentences a collector can say without
 * reading aloud; firm on the what and when, friendly in the how (004#8, 000#2).
 */
export const NL_SCRIPTS: ScriptLanguagePack = {
  phrases: {
    invoices: (numbers) =>
      numbers.length === 1 ? `factuur ${numbers[0]}` : `de facturen ${joinList(numbers, 'en')}`,
    greeting: (hour) => (hour < 12 ? 'Goedemorgen' : hour < 18 ? 'Goedemiddag' : 'Goedenavond'),
    reminders,
    remindersClause: (count) => (count === 0 ? '' : `, en u heeft er ${reminders(count)} over ontvangen`),
    nextStep: {
      reminder: () => 'een schriftelijke herinnering',
      formal_demand: (country) => (country === 'BE' ? 'een ingebrekestelling' : 'een sommatie'),
      handover: (country) =>
        country === 'BE'
          ? 'de overdracht aan een incassobureau of advocaat'
          : 'de overdracht aan een incassobureau',
      legal_action: () => 'een gerechtelijke procedure',
    },
    debtHelp: {
      NL: 'de schuldhulpverlening van uw gemeente',
      BE: 'de schuldbemiddeling van het OCMW',
    },
    promise: (amount, date) => `u betaalt ${amount} uiterlijk ${date}`,
    plan: (total, instalments) =>
      `u betaalt ${total} in ${instalments.length} termijnen: ${joinList(
        instalments.map((i) => `${i.amount} op ${i.date}`),
        'en',
      )}`,
    hints: {
      greeting: 'Goedendag',
      contactName: '[naam contactpersoon]',
      collectorName: '[uw naam]',
      creditorName: '[ons bedrijf]',
      debtorName: '[de klant]',
      invoicePhrase: 'de openstaande facturen',
      overdueAmount: 'het openstaande bedrag',
      oldestDueDate: '[vervaldatum]',
      daysLate: '[aantal]',
      paymentTermDays: '[aantal]',
      remindersPhrase: 'onze herinneringen',
      remindersClause: '',
      upcomingAmount: '[bedrag]',
      upcomingDueDate: '[vervaldatum]',
      promisedAmount: '[toegezegd bedrag]',
      promisedDate: '[toegezegde datum]',
      payByDate: '[af te spreken datum]',
      minimumAmount: '[een eerste deel]',
      nextStep: '[volgende stap]',
      nextStepDate: '[datum]',
      debtHelp: 'de schuldhulpverlening',
      agreementSummary: '[wat we nu afspreken]',
    },
  },
  scripts: {
    before_due: {
      opening: [
        '{greeting}, u spreekt met {collectorName} van {creditorName}. Spreek ik met {contactName}?',
        'Ik bel even kort over {invoicePhrase} van {upcomingAmount}, die op {upcomingDueDate} vervalt. Ik wil graag nagaan of alles goed bij u is aangekomen, zodat de betaling zonder problemen op tijd kan verlopen.',
      ],
      keyQuestions: [
        'Heeft u de factuur ontvangen, en klopt alles wat erop staat?',
        'Is de factuur al goedgekeurd voor betaling, of moet er nog iemand naar kijken?',
        'Wie zorgt bij u voor de betaling, en staat die al ingepland vóór {upcomingDueDate}?',
      ],
      consequences: [],
      closing: [
        'Fijn, dan noteer ik: {agreementSummary}.',
        'Mocht er toch nog iets niet kloppen, laat het me dan gerust weten; dan lossen we het vóór de vervaldatum op. Dank u wel en nog een fijne dag.',
      ],
    },
    just_overdue: {
      opening: [
        '{greeting}, u spreekt met {collectorName} van {creditorName}. Spreek ik met {contactName}?',
        'Ik bel u over {invoicePhrase}. De vervaldatum was {oldestDueDate} en we hebben de betaling van {overdueAmount} nog niet ontvangen. Misschien is het u ontgaan, daarom bel ik even persoonlijk.',
      ],
      keyQuestions: [
        'Is de factuur bij u bekend en goedgekeurd voor betaling?',
        'Kunnen we afspreken dat het bedrag uiterlijk {payByDate} bij ons binnen is?',
        'Wie regelt de betaling, en wanneer gaat die de deur uit?',
      ],
      consequences: [
        'Als de betaling uitblijft, stuurt ons systeem vanzelf een herinnering. Dat wil ik u graag besparen.',
      ],
      closing: [
        'Dan vat ik het even samen: {agreementSummary}.',
        'Ik stuur u die afspraak vandaag nog per e-mail, met de betaalgegevens erbij. Wilt u de ontvangst even bevestigen? Dank u wel voor uw tijd.',
      ],
    },
    falling_behind: {
      opening: [
        '{greeting}, u spreekt met {collectorName} van {creditorName}. Spreek ik met {contactName}?',
        'Ik bel over het openstaande bedrag van {overdueAmount} voor {invoicePhrase}. De oudste vervaldatum was {oldestDueDate}, inmiddels {daysLate} dagen geleden{remindersClause}.',
        'Ik wil vandaag graag samen met u tot een oplossing komen.',
      ],
      keyQuestions: [
        'Wat is de reden dat de betaling is blijven liggen?',
        'Welk bedrag kunt u vandaag of morgen betalen? Ik denk aan minstens {minimumAmount}.',
        'Als het niet in één keer lukt: welk bedrag per maand is haalbaar, en vanaf wanneer?',
        'Wie neemt bij u die beslissing, en kan ik die persoon nu spreken?',
      ],
      consequences: [
        'Ik zeg het u liever nu eerlijk: zonder afspraak gaat het dossier op {nextStepDate} naar de volgende stap, {nextStep}. Daar kunnen extra kosten voor u aan verbonden zijn, en dat wil ik samen met u voorkomen.',
      ],
      closing: [
        'Dan leg ik het zo vast: {agreementSummary}.',
        'U ontvangt de afspraak vandaag nog per e-mail, met de betaalgegevens. Wilt u de ontvangst even bevestigen? Zolang de afspraak loopt, sturen we u geen herinneringen.',
      ],
    },
    broken_promise: {
      opening: [
        '{greeting}, u spreekt met {collectorName} van {creditorName}. Spreek ik met {contactName}?',
        'We hadden afgesproken dat u {promisedAmount} uiterlijk {promisedDate} zou betalen. Die betaling is niet bij ons binnengekomen, en ik wil graag horen wat er is gebeurd.',
      ],
      keyQuestions: [
        'Wat is er tussengekomen?',
        'Kunt u het bedrag vandaag nog betalen? Dan stuur ik u meteen de betaalgegevens.',
        'Welke datum kunt u echt waarmaken, en wie zorgt er bij u voor dat het die dag gebeurt?',
      ],
      consequences: [
        'Ik wil u nog één keer tegemoetkomen, maar een tweede afspraak die niet wordt nagekomen, kan ik niet meer aanhouden. Dan gaat het dossier op {nextStepDate} naar de volgende stap, {nextStep}.',
      ],
      closing: [
        'Dan leg ik het zo vast: {agreementSummary}.',
        'U krijgt de afspraak vandaag per e-mail. Bevestigt u de ontvangst even? Dank u wel.',
      ],
    },
    consumer_payment_problems: {
      opening: [
        '{greeting}, u spreekt met {collectorName} van {creditorName}. Spreek ik met {contactName}?',
        'Ik bel over het openstaande bedrag van {overdueAmount}. Ik begrijp dat het op dit moment misschien niet makkelijk is. Ik wil graag met u kijken wat wél haalbaar is.',
      ],
      keyQuestions: [
        'Kunt u mij vertellen hoe uw situatie nu is?',
        'Welk bedrag kunt u per maand betalen en toch uw vaste lasten, zoals huur en energie, blijven betalen?',
        'Krijgt u al hulp, bijvoorbeeld van {debtHelp}? Dan stemmen we de regeling daarop af.',
        'Vanaf welke datum kunt u de eerste termijn betalen?',
      ],
      consequences: [
        'Als we niets afspreken, loopt de vordering verder en kunnen er kosten bij komen. Dat wil ik u besparen: een regeling die u kunt volhouden, is voor ons allebei beter.',
      ],
      closing: [
        'Ik vat het samen: {agreementSummary}.',
        'U krijgt alles nog per e-mail of per brief, zodat u het rustig kunt nalezen. Lukt een termijn een keer niet, bel ons dan vóór de vervaldatum; dan zoeken we samen een oplossing.',
      ],
    },
    final_before_legal: {
      opening: [
        '{greeting}, u spreekt met {collectorName} van {creditorName}. Spreek ik met {contactName}?',
        'Ik bel u over het openstaande bedrag van {overdueAmount} voor {invoicePhrase}. U heeft daarover {remindersPhrase} ontvangen, en er is nog niet betaald.',
        'Dit is het laatste moment waarop we het samen kunnen oplossen, voordat we op {nextStepDate} overgaan tot de volgende stap: {nextStep}.',
      ],
      keyQuestions: [
        'Kunt u het volledige bedrag uiterlijk {payByDate} betalen?',
        'Zo niet: welk bedrag betaalt u vandaag, en hoe lost u de rest af?',
        'Is er iets aan de factuur of de levering dat niet klopt en dat ik nog niet weet?',
      ],
      consequences: [
        'Ik wil duidelijk zijn, zodat u niet voor verrassingen komt te staan: zonder betaling of afspraak gaat het dossier op {nextStepDate} naar de volgende stap, {nextStep}. De kosten daarvan kunnen voor uw rekening komen, bovenop het bedrag dat nu openstaat.',
      ],
      closing: [
        'Dan leg ik het zo vast: {agreementSummary}.',
        'U ontvangt de afspraak vandaag nog per e-mail. Komt de betaling op tijd binnen, dan is de zaak daarmee afgesloten.',
      ],
    },
  },
};
