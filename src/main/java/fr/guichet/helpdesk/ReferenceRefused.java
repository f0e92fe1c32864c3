package fr.guichet.helpdesk;

import fr.guichet.shared.Refusal;

/** The reference data says no (a name already taken, a domain still used…): shown next to {@link #field()}. */
class ReferenceRefused extends Refusal {

    private final String field;

    ReferenceRefused(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** Puts the refusal next to its field of the form being re-shown. */
    void showOn(org.springframework.validation.BindingResult result) {
        result.rejectValue(field, messageKey(), arguments(), null);
    }
}
