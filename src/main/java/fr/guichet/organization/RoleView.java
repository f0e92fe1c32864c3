package fr.guichet.organization;

/** A role of a role-bearing service (e.g. Acheteur in the procurement room), with its help text. */
public record RoleView(String serviceCode, String code, String label, String description) {

    /** The procurement room: the role-bearing service whose roles the shipped types define. */
    public static final String PROCUREMENT_ROOM = "PROCUREMENT_ROOM";
}
