package fr.guichet.branding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A link of the home page: its label and a full web address. Only http and https: anything else
 * ({@code javascript:}, {@code data:}, a relative address) would run or go somewhere other than a
 * supplier expects when he follows it from a public page.
 */
public record Link(String label, String url) {

    static final int MAX_LABEL = 100;
    static final int MAX_URL = 2000;

    /** @param position from 1, as the form shows it, for the message */
    static Link of(int position, String label, String url) {
        var name = label == null ? "" : label.strip();
        var address = url == null ? "" : url.strip();
        if (name.isEmpty()) {
            throw new BrandingRefusal("branding.link.label-missing", position);
        }
        if (name.length() > MAX_LABEL) {
            throw new BrandingRefusal("branding.link.label-too-long", position, MAX_LABEL);
        }
        if (address.isEmpty()) {
            throw new BrandingRefusal("branding.link.url-missing", position);
        }
        if (address.length() > MAX_URL || !web(address)) {
            throw new BrandingRefusal("branding.link.url-invalid", position, address);
        }
        return new Link(name, address);
    }

    private static boolean web(String address) {
        if (address.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            var uri = new URI(address);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https"))
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty()
                    // user:password@ in a link is a way to disguise where it goes
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }
}
