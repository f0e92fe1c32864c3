package fr.guichet.administration;

import org.springframework.modulith.NamedInterface;

/** The "Gestion" service's rights: what a supervisor may see and manage. */
@NamedInterface("delegation")
public enum SupervisionRight {
    VIEW_CREDITS,
    VIEW_STATISTICS,
    MANAGE_BRANDING
}
