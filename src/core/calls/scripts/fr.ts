import { joinList } from '../../dunning/templates/format.js';
import type { ScriptLanguagePack } from './script-types.js';

const reminders = (count: number) => (count === 1 ? 'un rappel' : `${count} rappels`);

/**
 * French call scripts, in Belgian usage ("mise en demeure", "CPAS", "médiation de dettes").
 * Vouvoiement throughout. Written with ordinary spaces before "?" and ":"; `composeCallScript`
 * turns them into no-break spaces, as French typography wants.
 */
export const FR_SCRIPTS: ScriptLanguagePack = {
  phrases: {
    greeting: (hour) => (hour < 18 ? 'Bonjour' : 'Bonsoir'),
    invoices: (numbers) =>
      numbers.length === 1 ? `la facture ${numbers[0]}` : `les factures ${joinList(numbers, 'et')}`,
    reminders,
    remindersClause: (count) => (count === 0 ? '' : `, et vous avez reçu ${reminders(count)} à ce sujet`),
    nextStep: {
      reminder: () => 'un rappel écrit',
      formal_demand: () => 'une mise en demeure',
      handover: (country) =>
        country === 'BE'
          ? 'la transmission à un bureau de recouvrement ou à un avocat'
          : 'la transmission à une agence de recouvrement',
      legal_action: () => 'une procédure judiciaire',
    },
    debtHelp: {
      BE: 'un service de médiation de dettes, comme celui du CPAS',
      NL: 'l’aide au désendettement de votre commune',
    },
    promise: (amount, date) => `vous payez ${amount} au plus tard le ${date}`,
    plan: (total, instalments) =>
      `vous payez ${total} en ${instalments.length} versements : ${joinList(
        instalments.map((i) => `${i.amount} le ${i.date}`),
        'et',
      )}`,
    hints: {
      greeting: 'Bonjour',
      contactName: '[nom du contact]',
      collectorName: '[votre nom]',
      creditorName: '[notre société]',
      debtorName: '[le client]',
      invoicePhrase: 'les factures ouvertes',
      overdueAmount: 'le montant ouvert',
      oldestDueDate: '[date d’échéance]',
      daysLate: '[nombre de]',
      paymentTermDays: '[nombre de]',
      remindersPhrase: 'nos rappels',
      remindersClause: '',
      upcomingAmount: '[montant]',
      upcomingDueDate: '[date d’échéance]',
      promisedAmount: '[montant promis]',
      promisedDate: '[date promise]',
      payByDate: '[date à convenir]',
      minimumAmount: '[une première partie]',
      nextStep: '[étape suivante]',
      nextStepDate: '[date]',
      debtHelp: 'un service de médiation de dettes',
      agreementSummary: '[ce que nous convenons maintenant]',
    },
  },
  scripts: {
    before_due: {
      opening: [
        '{greeting}, {collectorName} de {creditorName} à l’appareil. Je suis bien en ligne avec {contactName} ?',
        'Je vous appelle brièvement au sujet de {invoicePhrase} de {upcomingAmount}, qui arrive à échéance le {upcomingDueDate}. Je voulais simplement m’assurer que tout vous est bien parvenu, pour que le paiement puisse se faire à temps sans difficulté.',
      ],
      keyQuestions: [
        'Avez-vous bien reçu la facture, et tout y est-il correct ?',
        'La facture est-elle déjà approuvée pour paiement, ou quelqu’un doit-il encore la valider ?',
        'Qui s’occupe du paiement chez vous, et est-il déjà prévu avant le {upcomingDueDate} ?',
      ],
      consequences: [],
      closing: [
        'Parfait, je note donc : {agreementSummary}.',
        'Si quelque chose ne devait pas être correct, n’hésitez pas à me le signaler : nous le réglerons avant l’échéance. Merci beaucoup et bonne journée.',
      ],
    },
    just_overdue: {
      opening: [
        '{greeting}, {collectorName} de {creditorName} à l’appareil. Je suis bien en ligne avec {contactName} ?',
        'Je vous appelle au sujet de {invoicePhrase}. L’échéance était le {oldestDueDate} et nous n’avons pas encore reçu le paiement de {overdueAmount}. Cela vous a peut-être échappé, c’est pourquoi je vous appelle personnellement.',
      ],
      keyQuestions: [
        'La facture est-elle connue chez vous et approuvée pour paiement ?',
        'Pouvons-nous convenir que le montant nous parvienne au plus tard le {payByDate} ?',
        'Qui s’occupe du paiement, et quand partira-t-il ?',
      ],
      consequences: [
        'Sans paiement, notre système enverra automatiquement un rappel. J’aimerais vous l’éviter.',
      ],
      closing: [
        'Je résume : {agreementSummary}.',
        'Je vous envoie cet accord aujourd’hui encore par e-mail, avec les informations de paiement. Pourriez-vous m’en confirmer la réception ? Merci pour votre temps.',
      ],
    },
    falling_behind: {
      opening: [
        '{greeting}, {collectorName} de {creditorName} à l’appareil. Je suis bien en ligne avec {contactName} ?',
        'Je vous appelle au sujet du montant impayé de {overdueAmount} pour {invoicePhrase}. La plus ancienne échéance était le {oldestDueDate}, il y a {daysLate} jours{remindersClause}.',
        'J’aimerais trouver une solution avec vous dès aujourd’hui.',
      ],
      keyQuestions: [
        'Qu’est-ce qui a retardé le paiement ?',
        'Quel montant pouvez-vous payer aujourd’hui ou demain ? Je pense à au moins {minimumAmount}.',
        'Si ce n’est pas possible en une fois : quel montant par mois est réaliste, et à partir de quand ?',
        'Qui prend cette décision chez vous, et puis-je lui parler maintenant ?',
      ],
      consequences: [
        'Je préfère vous le dire franchement dès maintenant : sans accord, le dossier passera le {nextStepDate} à l’étape suivante, {nextStep}. Cela peut entraîner des frais supplémentaires pour vous, et j’aimerais que nous l’évitions ensemble.',
      ],
      closing: [
        'Je note donc : {agreementSummary}.',
        'Vous recevrez l’accord aujourd’hui encore par e-mail, avec les informations de paiement. Pourriez-vous m’en confirmer la réception ? Tant que l’accord est respecté, nous ne vous enverrons pas de rappel.',
      ],
    },
    broken_promise: {
      opening: [
        '{greeting}, {collectorName} de {creditorName} à l’appareil. Je suis bien en ligne avec {contactName} ?',
        'Nous avions convenu que vous payeriez {promisedAmount} au plus tard le {promisedDate}. Ce paiement ne nous est pas parvenu, et j’aimerais comprendre ce qui s’est passé.',
      ],
      keyQuestions: [
        'Que s’est-il passé ?',
        'Pouvez-vous payer le montant aujourd’hui encore ? Je vous envoie alors tout de suite les informations de paiement.',
        'Quelle date pouvez-vous vraiment tenir, et qui, chez vous, veillera à ce que le paiement parte ce jour-là ?',
      ],
      consequences: [
        'Nous pouvons convenir encore une fois d’une nouvelle date, mais si ce deuxième accord n’est pas respecté, je ne pourrai plus retenir le dossier. Il passera alors le {nextStepDate} à l’étape suivante, {nextStep}.',
      ],
      closing: [
        'Je note donc : {agreementSummary}.',
        'Vous recevrez l’accord aujourd’hui par e-mail. Pourriez-vous m’en confirmer la réception ? Merci.',
      ],
    },
    consumer_payment_problems: {
      opening: [
        '{greeting}, {collectorName} de {creditorName} à l’appareil. Je suis bien en ligne avec {contactName} ?',
        'Je vous appelle au sujet du montant impayé de {overdueAmount}. Je comprends que ce n’est peut-être pas simple en ce moment. J’aimerais voir avec vous ce qui est possible.',
      ],
      keyQuestions: [
        'Pouvez-vous m’expliquer votre situation actuelle ?',
        'Quel montant pouvez-vous payer par mois tout en continuant à payer vos charges fixes, comme le loyer et l’énergie ?',
        'Quelqu’un vous aide-t-il déjà, par exemple {debtHelp} ? Nous adapterons alors le plan en conséquence.',
        'À partir de quelle date pouvez-vous faire le premier versement ?',
      ],
      consequences: [
        'Si nous ne convenons de rien, la créance suit son cours et des frais peuvent s’y ajouter. J’aimerais vous l’éviter : un plan que vous pouvez tenir est préférable pour nous deux.',
      ],
      closing: [
        'Je résume : {agreementSummary}.',
        'Vous recevrez tout par e-mail ou par courrier, pour pouvoir le relire au calme. Si un versement pose problème, appelez-nous avant l’échéance : nous chercherons une solution ensemble.',
      ],
    },
    final_before_legal: {
      opening: [
        '{greeting}, {collectorName} de {creditorName} à l’appareil. Je suis bien en ligne avec {contactName} ?',
        'Je vous appelle au sujet du montant impayé de {overdueAmount} pour {invoicePhrase}. Vous avez reçu {remindersPhrase} à ce sujet, et le paiement n’est toujours pas intervenu.',
        'C’est le dernier moment où nous pouvons régler cela ensemble, avant de passer le {nextStepDate} à l’étape suivante : {nextStep}.',
      ],
      keyQuestions: [
        'Pouvez-vous payer la totalité du montant au plus tard le {payByDate} ?',
        'Sinon : quel montant payez-vous aujourd’hui, et comment réglez-vous le solde ?',
        'Y a-t-il quelque chose dans la facture ou la livraison qui ne va pas et que je ne saurais pas encore ?',
      ],
      consequences: [
        'Je vous le dis clairement, pour vous éviter toute surprise : sans paiement ni accord, le dossier passera le {nextStepDate} à l’étape suivante, {nextStep}. Les frais qui en découlent peuvent être mis à votre charge, en plus du montant actuellement dû.',
      ],
      closing: [
        'Je note donc : {agreementSummary}.',
        'Vous recevrez l’accord aujourd’hui encore par e-mail. Si le paiement nous parvient à temps, le dossier sera clôturé.',
      ],
    },
  },
};
