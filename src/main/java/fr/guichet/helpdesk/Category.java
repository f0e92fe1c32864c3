package fr.guichet.helpdesk;

/**
 * A node of the request tree (seed 003's "+"): who may file there, whether its solution needs the
 * requester's validation (level 2) or the agency closes (simple request), whether solved tickets are
 * published, the team that handles it, and the description limit.
 */
record Category(long id, String name, Long productId, boolean filedByCorrespondents, boolean filedByMembers,
        boolean filedByExternals, boolean requiresValidation, boolean publishes, Long teamId, int descriptionLimit,
        boolean active, String guidance, java.util.Set<RequiredField> requiredFields) {

    public boolean requires(String field) {
        return requiredFields.contains(RequiredField.valueOf(field));
    }

    boolean simpleRequests() {
        return !requiresValidation;
    }
}
