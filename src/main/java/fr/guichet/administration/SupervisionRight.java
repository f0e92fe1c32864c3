package fr.guichet.administration;

/** The "Gestion" service's rights: what a supervisor may see and manage. */
public enum SupervisionRight {
    VIEW_CREDITS,
    VIEW_STATISTICS,
    MANAGE_BRANDING
}
