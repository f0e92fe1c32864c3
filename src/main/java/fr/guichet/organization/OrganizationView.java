package fr.guichet.organization;

import org.jspecify.annotations.Nullable;

/**
 * What other modules see of an organisation. The path lists the ids from the establishment
 * down to this one ("/1/5/23/"): Y is in X's subtree when Y's path starts with X's.
 */
public record OrganizationView(
        OrganizationId id,
        @Nullable OrganizationId parent,
        String name,
        @Nullable String acronym,
        String typeCode,
        String path,
        OrganizationDetails details) {

    public boolean establishment() {
        return parent == null;
    }

    /** "[ACRONYM] - Name", as the establishment list of registration shows it. */
    public String label() {
        return acronym == null || acronym.isBlank() ? name : "[" + acronym + "] - " + name;
    }

    public boolean isInSubtreeOf(OrganizationView ancestor) {
        return path.startsWith(ancestor.path());
    }

    /** The establishment at the top of this organisation's branch. */
    public OrganizationId establishmentId() {
        var first = path.substring(1, path.indexOf('/', 1));
        return new OrganizationId(Long.parseLong(first));
    }

    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count() - 2;
    }
}
