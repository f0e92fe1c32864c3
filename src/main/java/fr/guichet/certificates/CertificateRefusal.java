package fr.guichet.certificates;

import fr.guichet.shared.Refusal;

/** A rule of certificates says no (a request that moved meanwhile, a certificate already there…). */
class CertificateRefusal extends Refusal {

    CertificateRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
