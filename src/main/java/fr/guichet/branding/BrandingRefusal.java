package fr.guichet.branding;

import fr.guichet.shared.Refusal;

/** What was sent breaks a rule of the branding (a link's address, the welcome text's length…): nothing changed. */
public class BrandingRefusal extends Refusal {

    public BrandingRefusal(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
