package fr.guichet.organization;

/** A role of a role-bearing service, as a platform admin defines it, in both languages. */
public record NewRole(
        String serviceCode, String code, String labelFr, String labelEn, String descriptionFr, String descriptionEn) {}
