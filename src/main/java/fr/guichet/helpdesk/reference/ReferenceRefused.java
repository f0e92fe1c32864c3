package fr.guichet.helpdesk.reference;

import fr.guichet.shared.Refusal;
import org.springframework.validation.BindingResult;

/** The reference data says no (a name already taken, a domain still used…): shown next to {@link #field()}. */
public class ReferenceRefused extends Refusal {

    private final String field;

    public ReferenceRefused(String field, String messageKey, Object... arguments) {
        super(messageKey, arguments);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** Puts the refusal next to its field of the form being re-shown. */
    public void showOn(BindingResult result) {
        result.rejectValue(field, messageKey(), arguments(), null);
    }
}
