import type { ObjectionTexts } from './objection-library.js';

/** Dutch counters: acknowledge, take away the reason not to pay, end with a concrete agreement. */
export const NL_OBJECTIONS: ObjectionTexts = {
  already_paid: {
    label: 'Al betaald',
    heard: 'Volgens mij heb ik al betaald.',
    counters: {
      ask_details:
        'Dank u, dan zoek ik het meteen voor u na. Wanneer is er betaald, om welk bedrag ging het en vanaf welke rekening? Dan kan ik de betaling terugvinden.',
      send_proof:
        'Ik zie op dit moment nog geen betaling voor {invoicePhrase}. Wilt u mij het betaalbewijs mailen? Dan kijk ik het vandaag nog na en laat ik u weten wat ik vind.',
    },
  },
  was_ill: {
    label: 'Ik ben ziek geweest',
    heard: 'Ik ben ziek geweest, daarom is het blijven liggen.',
    counters: {
      who_else:
        'Vervelend om te horen, ik hoop dat het nu weer beter met u gaat. Is er iemand die de betaling kan regelen, zodat u er geen omkijken meer naar heeft?',
      new_date:
        'Fijn dat u er weer bent. Zullen we nu meteen een datum afspreken? Ik stel voor dat het bedrag van {overdueAmount} uiterlijk {payByDate} bij ons binnen is.',
    },
  },
  call_back_later: {
    label: 'In overleg, later terugbellen',
    heard: 'Ik zit in overleg, kunt u mij op een ander moment terugbellen?',
    counters: {
      exact_time:
        'Natuurlijk, ik bel u graag terug. Welk tijdstip komt u vandaag precies uit? Dan bel ik u op dat moment.',
      direct_line: 'Op welk nummer of toestel kan ik u dan rechtstreeks bereiken?',
    },
  },
  not_satisfied: {
    label: 'Niet tevreden over het werk of de goederen',
    heard: 'Ik ben eigenlijk niet tevreden over het resultaat.',
    counters: {
      listen:
        'Dat wil ik goed begrijpen. Wat is er precies niet in orde, en om welke factuur of welk deel van de levering gaat het?',
      split:
        'Ik leg uw klacht vandaag vast en laat die uitzoeken; zolang dat loopt, hoeft u dat deel niet te betalen. Het deel waarover geen discussie is, vraag ik u wel nu te betalen. Kunnen we dat zo afspreken?',
    },
  },
  never_saw_invoice: {
    label: 'Factuur nooit gezien',
    heard: 'Die factuur heb ik nooit gezien.',
    counters: {
      resend_now:
        'Dat los ik meteen op: ik stuur u {invoicePhrase} nu per e-mail. Naar welk e-mailadres mag ik die sturen?',
      agree_date:
        'Heeft u de e-mail binnen? Dan spreken we meteen af wanneer de betaling de deur uitgaat. Lukt het uiterlijk {payByDate}?',
    },
  },
  pay_end_of_week: {
    label: 'Betaal eind van de week',
    heard: 'Ik maak het eind van de week over.',
    counters: {
      pin_down: 'Fijn. Zullen we het concreet maken: op welke dag precies, en welk bedrag?',
      confirm:
        'Dan noteer ik die dag en dat bedrag, en stuur ik u de afspraak per e-mail. Zo weten we allebei waar we aan toe zijn.',
    },
  },
  goods_not_received: {
    label: 'Goederen nooit ontvangen',
    heard: 'We hebben die producten nooit ontvangen.',
    counters: {
      check_delivery:
        'Dat zoek ik meteen uit. Volgens onze gegevens is er geleverd; ik stuur u de afleverbon met de handtekening, dan kunt u het intern nagaan.',
      pay_delivered_part:
        'Ontbreekt er een deel, dan leg ik dat vast en zoeken we het uit. Wilt u het deel dat wel is geleverd nu al betalen?',
    },
  },
  term_was_sixty_days: {
    label: 'Was de termijn niet 60 dagen?',
    heard: 'De betalingstermijn was toch 60 dagen?',
    counters: {
      show_terms:
        'Ik begrijp de verwarring. Met u is een betalingstermijn van {paymentTermDays} dagen afgesproken, en die staat ook op de factuur. Ik stuur u de opdrachtbevestiging graag nog eens toe.',
      check_with_sales:
        'Heeft u met onze verkoper iets anders afgesproken, dan zoek ik dat uit. Kunnen we intussen afspreken dat het bedrag uiterlijk {payByDate} binnen is?',
    },
  },
  cannot_pay_now: {
    label: 'Kan nu niet betalen',
    heard: 'Ik kan het op dit moment echt niet betalen.',
    counters: {
      part_now:
        'Dank u dat u het eerlijk zegt. Welk deel kunt u nu al betalen? Voor de rest kijken we samen naar een regeling die haalbaar is.',
      find_cause:
        'Gaat het om een tijdelijke tegenvaller, of om iets dat langer gaat duren? Dan weten we welke regeling bij u past.',
    },
  },
  waiting_for_own_customer: {
    label: 'Wacht zelf nog op geld',
    heard: 'Ik wacht zelf nog op een betaling van mijn klant.',
    counters: {
      part_now:
        'Dat begrijp ik, dat kennen wij ook. Welk deel kunt u nu al betalen, in afwachting van dat geld?',
      link_to_date:
        'Wanneer verwacht u die betaling? Dan spreken we een vaste datum af, kort daarna, waarop het bedrag bij ons binnen is.',
    },
  },
  responsible_person_absent: {
    label: 'Verantwoordelijke is er niet',
    heard: 'Degene die de betalingen doet, is er deze week niet.',
    counters: {
      who_else: 'Wie kan de betaling in de tussentijd goedkeuren of uitvoeren?',
      when_back: 'Wanneer is hij of zij terug? Dan spreken we nu een vast tijdstip af waarop ik die dag bel.',
    },
  },
  invoice_not_approved: {
    label: 'Factuur nog niet goedgekeurd',
    heard: 'De factuur is nog niet goedgekeurd, er ontbreekt een inkoopnummer.',
    counters: {
      purchase_order:
        'Welk inkoopordernummer of welke referentie heeft u nodig? Dan stuur ik de factuur vandaag opnieuw, met die vermelding erop.',
      approver: 'Wie moet de factuur goedkeuren, en hoe lang duurt dat bij u gewoonlijk?',
    },
  },
  in_next_payment_run: {
    label: 'Zit in de volgende betaalrun',
    heard: 'Die gaat mee in de volgende betaalrun.',
    counters: {
      run_date:
        'Fijn. Op welke datum is die betaalrun? Dan noteer ik dat het bedrag kort daarna bij ons binnen is.',
      full_amount: 'Gaat het volledige bedrag van {overdueAmount} mee, of alleen een deel?',
    },
  },
};
