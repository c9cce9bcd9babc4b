import type { ObjectionTexts } from './objection-library.js';

/** French counters (Belgian usage, vouvoiement); "?" and ":" get their no-break space when composed. */
export const FR_OBJECTIONS: ObjectionTexts = {
  already_paid: {
    label: 'Déjà payé',
    heard: 'Il me semble que j’ai déjà payé.',
    counters: {
      ask_details:
        'Merci, je vérifie tout de suite. Quand le paiement a-t-il été fait, de quel montant et depuis quel compte ? Je pourrai ainsi le retrouver.',
      send_proof:
        'Pour le moment, je ne vois pas encore de paiement pour {invoicePhrase}. Pourriez-vous m’envoyer la preuve de paiement par e-mail ? Je vérifie aujourd’hui encore et je vous tiens au courant.',
    },
  },
  was_ill: {
    label: 'J’ai été malade',
    heard: 'J’ai été malade, c’est pour cela que c’est resté en attente.',
    counters: {
      who_else:
        'J’espère que vous allez mieux à présent. Quelqu’un pourrait-il s’occuper du paiement, pour que vous n’ayez plus à y penser ?',
      new_date:
        'C’est une bonne chose que vous soyez de retour. Convenons tout de suite d’une date : je vous propose que le montant de {overdueAmount} nous parvienne au plus tard le {payByDate}.',
    },
  },
  call_back_later: {
    label: 'En réunion, rappeler plus tard',
    heard: 'Je suis en réunion, pouvez-vous me rappeler à un autre moment ?',
    counters: {
      exact_time:
        'Bien sûr, je vous rappelle volontiers. À quelle heure précise cela vous convient-il aujourd’hui ? Je vous appellerai à ce moment-là.',
      direct_line: 'À quel numéro ou sur quel poste puis-je vous joindre directement ?',
    },
  },
  not_satisfied: {
    label: 'Pas satisfait du travail ou des marchandises',
    heard: 'En fait, je ne suis pas satisfait du résultat.',
    counters: {
      listen:
        'Je veux bien comprendre. Qu’est-ce qui ne va pas exactement, et de quelle facture ou de quelle partie de la livraison s’agit-il ?',
      split:
        'J’enregistre votre réclamation aujourd’hui et je la fais examiner ; tant que c’est en cours, vous ne devez pas payer cette partie. Pour la partie qui n’est pas contestée, je vous demande en revanche de payer maintenant. Pouvons-nous convenir de cela ?',
    },
  },
  never_saw_invoice: {
    label: 'Jamais vu la facture',
    heard: 'Je n’ai jamais vu cette facture.',
    counters: {
      resend_now:
        'Je règle cela tout de suite : je vous envoie {invoicePhrase} maintenant par e-mail. À quelle adresse puis-je l’envoyer ?',
      agree_date:
        'Avez-vous bien reçu l’e-mail ? Convenons alors tout de suite de la date du paiement. Est-ce possible au plus tard le {payByDate} ?',
    },
  },
  pay_end_of_week: {
    label: 'Paiement en fin de semaine',
    heard: 'Je fais le virement en fin de semaine.',
    counters: {
      pin_down: 'Très bien. Soyons concrets : quel jour exactement, et quel montant ?',
      confirm:
        'Je note ce jour et ce montant, et je vous envoie l’accord par e-mail. Ainsi, nous savons tous les deux à quoi nous en tenir.',
    },
  },
  goods_not_received: {
    label: 'Marchandises jamais reçues',
    heard: 'Nous n’avons jamais reçu ces produits.',
    counters: {
      check_delivery:
        'Je vérifie tout de suite. Selon nos données, la livraison a eu lieu ; je vous envoie le bon de livraison signé, pour que vous puissiez vérifier en interne.',
      pay_delivered_part:
        'S’il manque une partie, je l’enregistre et nous faisons le nécessaire. Pouvez-vous déjà payer la partie qui a bien été livrée ?',
    },
  },
  term_was_sixty_days: {
    label: 'Le délai n’était-il pas de 60 jours ?',
    heard: 'Le délai de paiement n’était-il pas de 60 jours ?',
    counters: {
      show_terms:
        'Je comprends la confusion. Le délai de paiement convenu avec vous est de {paymentTermDays} jours, et il figure aussi sur la facture. Je vous renvoie volontiers la confirmation de commande.',
      check_with_sales:
        'Si vous avez convenu d’autre chose avec notre commercial, je vérifie. En attendant, pouvons-nous convenir que le montant nous parvienne au plus tard le {payByDate} ?',
    },
  },
  cannot_pay_now: {
    label: 'Ne peut pas payer maintenant',
    heard: 'Je ne peux vraiment pas payer pour le moment.',
    counters: {
      part_now:
        'Merci de me le dire franchement. Quelle partie pouvez-vous déjà payer maintenant ? Pour le reste, nous chercherons ensemble un plan réaliste.',
      find_cause:
        'S’agit-il d’un revers passager, ou de quelque chose qui va durer ? Nous saurons ainsi quel plan vous convient.',
    },
  },
  waiting_for_own_customer: {
    label: 'Attend encore le paiement de son client',
    heard: 'J’attends moi-même le paiement de mon client.',
    counters: {
      part_now:
        'Je comprends, nous connaissons cela aussi. Quelle partie pouvez-vous déjà payer maintenant, en attendant cet argent ?',
      link_to_date:
        'Quand attendez-vous ce paiement ? Convenons alors d’une date fixe, peu après, à laquelle le montant nous parviendra.',
    },
  },
  responsible_person_absent: {
    label: 'Le responsable est absent',
    heard: 'La personne qui s’occupe des paiements est absente cette semaine.',
    counters: {
      who_else: 'Qui peut approuver ou effectuer le paiement entre-temps ?',
      when_back:
        'Quand cette personne sera-t-elle de retour ? Fixons dès maintenant une heure précise à laquelle j’appellerai ce jour-là.',
    },
  },
  invoice_not_approved: {
    label: 'Facture pas encore approuvée',
    heard: 'La facture n’est pas encore approuvée, il manque un numéro de bon de commande.',
    counters: {
      purchase_order:
        'De quel numéro de bon de commande ou de quelle référence avez-vous besoin ? Je vous renvoie la facture aujourd’hui, avec cette mention.',
      approver: 'Qui doit approuver la facture, et combien de temps cela prend-il habituellement chez vous ?',
    },
  },
  in_next_payment_run: {
    label: 'Prévu dans le prochain lot de paiements',
    heard: 'Elle partira avec le prochain lot de paiements.',
    counters: {
      run_date:
        'Très bien. À quelle date ce lot de paiements est-il prévu ? Je note alors que le montant nous parviendra peu après.',
      full_amount: 'Le montant total de {overdueAmount} est-il compris, ou seulement une partie ?',
    },
  },
};
