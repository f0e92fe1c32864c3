package fr.guichet.organization;

/** What other modules see of an organisation. */
public record OrganizationView(OrganizationId id, String name, String acronym, boolean establishment) {

    /** "[ACRONYM] - Name", as the establishment list of registration shows it. */
    public String label() {
        return acronym == null || acronym.isBlank() ? name : "[" + acronym + "] - " + name;
    }
}
