package fr.guichet.shared;

/** The Spring profiles the code itself looks at. */
public final class Profiles {

    /** A real deployment (application-production.yml): settings that only suit a laptop are refused. */
    public static final String PRODUCTION = "production";

    private Profiles() {}
}
