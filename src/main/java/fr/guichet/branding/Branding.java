package fr.guichet.branding;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One version (draft or published) of an organisation's branding: its colours, its images (none:
 * the plain band) and its home page for suppliers. Its rules hold whenever one is made from what a
 * person sent ({@link #withHomePage}); publishing asks one more ({@link #publishable}).
 */
public record Branding(
        ColorScheme scheme,
        WelcomeSide side,
        String title,
        String text,
        List<Link> links,
        @Nullable StoredImage banner,
        @Nullable StoredImage logo) {

    static final int MAX_LINKS = 5;

    public Branding {
        links = List.copyOf(links);
    }

    /** What an organisation that customised nothing shows: the agency's look, nothing else. */
    static Branding plain() {
        return new Branding(ColorScheme.AGENCY, WelcomeSide.LEFT, "", "", List.of(), null, null);
    }

    /** One row of the form's links, as typed; a row left empty is no link. */
    public record LinkInput(
            @Nullable String label, @Nullable String url) {

        boolean blank() {
            return (label == null || label.isBlank()) && (url == null || url.isBlank());
        }
    }

    /** The same images, with the home page a person sent, checked. */
    Branding withHomePage(ColorScheme scheme, WelcomeSide side, String title, String text, List<LinkInput> rows) {
        var links = new ArrayList<Link>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (!row.blank()) {
                links.add(Link.of(i + 1, row.label(), row.url()));
            }
        }
        if (links.size() > MAX_LINKS) {
            throw new BrandingRefusal("branding.links.too-many", MAX_LINKS);
        }
        return new Branding(
                scheme, side, WelcomeText.checkedTitle(title), WelcomeText.checked(text), links, banner, logo);
    }

    Branding withImage(ImageSlot slot, StoredImage image) {
        return slot == ImageSlot.BANNER
                ? new Branding(scheme, side, title, text, links, image, logo)
                : new Branding(scheme, side, title, text, links, banner, image);
    }

    @Nullable
    StoredImage image(ImageSlot slot) {
        return slot == ImageSlot.BANNER ? banner : logo;
    }

    /** The home page lists 1 to 5 links: one to publish at least. */
    void publishable() {
        if (links.isEmpty()) {
            throw new BrandingRefusal("branding.links.none");
        }
    }

    public boolean hasBanner() {
        return banner != null;
    }

    public boolean hasLogo() {
        return logo != null;
    }

    public boolean right() {
        return side == WelcomeSide.RIGHT;
    }
}
