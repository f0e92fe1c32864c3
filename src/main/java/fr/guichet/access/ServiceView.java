package fr.guichet.access;

import fr.guichet.account.InterestDomain;

/** A catalogue service as other modules and the API see it. */
public record ServiceView(
        ServiceId id,
        String code,
        String name,
        String description,
        InterestDomain domain,
        DecidedBy decidedBy,
        boolean active) {}
