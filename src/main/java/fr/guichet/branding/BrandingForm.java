package fr.guichet.branding;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The branding form as typed: its home page fields and five rows of links (the images come apart). */
public class BrandingForm {

    private ColorScheme scheme = ColorScheme.AGENCY;
    private WelcomeSide side = WelcomeSide.LEFT;
    private @Nullable String title;
    private @Nullable String text;
    private List<Row> links = new ArrayList<>();

    /** One row of links: both fields empty is no link. */
    public static class Row {
        private @Nullable String label;
        private @Nullable String url;

        public Row() {}

        Row(@Nullable String label, @Nullable String url) {
            this.label = label;
            this.url = url;
        }

        public @Nullable String getLabel() {
            return label;
        }

        public void setLabel(@Nullable String label) {
            this.label = label;
        }

        public @Nullable String getUrl() {
            return url;
        }

        public void setUrl(@Nullable String url) {
            this.url = url;
        }
    }

    static BrandingForm of(Branding branding) {
        var form = new BrandingForm();
        form.scheme = branding.scheme();
        form.side = branding.side();
        form.title = branding.title();
        form.text = branding.text();
        branding.links().forEach(l -> form.links.add(new Row(l.label(), l.url())));
        return form.padded();
    }

    /** Always five rows to fill in. */
    BrandingForm padded() {
        while (links.size() < Branding.MAX_LINKS) {
            links.add(new Row());
        }
        return this;
    }

    List<Branding.LinkInput> linkInputs() {
        return links.stream().map(r -> new Branding.LinkInput(r.label, r.url)).toList();
    }

    public ColorScheme getScheme() {
        return scheme;
    }

    public void setScheme(@Nullable ColorScheme scheme) {
        this.scheme = scheme == null ? ColorScheme.AGENCY : scheme;
    }

    public WelcomeSide getSide() {
        return side;
    }

    public void setSide(@Nullable WelcomeSide side) {
        this.side = side == null ? WelcomeSide.LEFT : side;
    }

    public @Nullable String getTitle() {
        return title;
    }

    public void setTitle(@Nullable String title) {
        this.title = title;
    }

    public @Nullable String getText() {
        return text;
    }

    public void setText(@Nullable String text) {
        this.text = text;
    }

    public List<Row> getLinks() {
        return links;
    }

    public void setLinks(List<Row> links) {
        this.links = links;
    }
}
