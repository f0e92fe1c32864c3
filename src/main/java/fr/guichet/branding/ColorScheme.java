package fr.guichet.branding;

/**
 * The colour schemes an organisation chooses from: a few fixed ones, each of whose text and
 * background pairs reads at WCAG AA contrast (4.5:1, checked by a test from these very colours),
 * rather than free colours nobody would check. {@code static/css/branding.css} holds the same
 * colours under {@link #cssClass()}.
 */
public enum ColorScheme {
    AGENCY("#1b3a5c", "#ffffff", "#f4f6f9", "#1f2328", "#0b4f8a"),
    BLUE("#0b4f8a", "#ffffff", "#eef4fb", "#152238", "#0a4a82"),
    GREEN("#1e5631", "#ffffff", "#f0f7f1", "#14261a", "#1b5e20"),
    BURGUNDY("#6d1a2b", "#ffffff", "#fbf1f3", "#2b0f15", "#7a1f33"),
    SLATE("#37474f", "#ffffff", "#f3f5f6", "#1f2a30", "#2f4f5f");

    private final String band;
    private final String bandText;
    private final String panel;
    private final String panelText;
    private final String link;

    ColorScheme(String band, String bandText, String panel, String panelText, String link) {
        this.band = band;
        this.bandText = bandText;
        this.panel = panel;
        this.panelText = panelText;
        this.link = link;
    }

    /** Behind the banner and the organisation's name. */
    public String band() {
        return band;
    }

    public String bandText() {
        return bandText;
    }

    /** Behind the welcome text and the links. */
    public String panel() {
        return panel;
    }

    public String panelText() {
        return panelText;
    }

    /** The links, on the panel. */
    public String link() {
        return link;
    }

    public String cssClass() {
        return "brand-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    public String messageKey() {
        return "branding.scheme." + name();
    }
}
