package fr.guichet.account.registration;

import fr.guichet.account.Coordinates;
import fr.guichet.account.EmailAddress;
import fr.guichet.account.InterestDomain;
import java.util.Locale;
import java.util.Set;

/** Everything the three registration steps gathered; no organisation for an external requester. */
record NewRegistration(
        EmailAddress email,
        Long organizationId,
        Coordinates coordinates,
        Set<InterestDomain> interestDomains,
        boolean newsletter,
        boolean consent,
        Locale locale) {}
