package fr.guichet.branding;

/** Where the welcome text stands on the home page, the links taking the other side. */
public enum WelcomeSide {
    LEFT,
    RIGHT;

    public String messageKey() {
        return "branding.side." + name();
    }
}
