package fr.guichet.helpdesk.reference;

import java.util.Set;

/**
 * A node of the request tree (the "+" of the portal): who may file there, whether its solution needs the
 * requester's validation (level 2) or the agency closes (simple request), whether solved tickets are
 * published, the team that handles it, and the description limit.
 */
public record Category(
        long id,
        String name,
        Long productId,
        boolean filedByCorrespondents,
        boolean filedByMembers,
        boolean filedByExternals,
        boolean requiresValidation,
        boolean publishes,
        Long teamId,
        int descriptionLimit,
        boolean active,
        String guidance,
        Set<RequiredField> requiredFields) {

    public boolean requires(String field) {
        return requiredFields.contains(RequiredField.valueOf(field));
    }

    public boolean simpleRequests() {
        return !requiresValidation;
    }
}
