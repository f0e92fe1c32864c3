package fr.guichet.helpdesk.reference;

import fr.guichet.helpdesk.CorrespondentKind;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;

/** The forms of the reference data pages, as typed: each is re-shown as it was when refused. */
public final class ReferenceForms {

    /** The same shape as a sign-in address, so that a contact address is one the platform can write to. */
    static final String EMAIL = "^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$";

    private ReferenceForms() {}

    record ProductForm(
            @NotBlank(message = "{validation.required}")
            @Size(max = 30, message = "{validation.too-long}")
            @Pattern(regexp = "^$|^[A-Za-z0-9_-]+$", message = "{reference.product.code.invalid}")
            String code,

            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.too-long}")
            String name,

            @Size(max = 4000, message = "{validation.too-long}")
            String guidance,

            Boolean active) {

        static ProductForm empty() {
            return new ProductForm(null, null, null, true);
        }
    }

    record VersionForm(
            @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.too-long}")
            String label,

            String releasedOn,
            Boolean maintained) {

        static VersionForm empty() {
            return new VersionForm(null, null, true);
        }

        LocalDate releasedOnDate() {
            return date(releasedOn);
        }

        public void check(BindingResult result) {
            checkDate(result, "releasedOn", releasedOn);
        }
    }

    record DomainForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.too-long}")
            String domain) {}

    record CorrespondentForm(
            @NotBlank(message = "{validation.required}")
            @Size(max = 254, message = "{validation.email}")
            @Email(regexp = EMAIL, message = "{validation.email}")
            String email,

            @NotNull(message = "{reference.correspondent.kind.required}")
            CorrespondentKind kind,

            @Size(max = 254, message = "{validation.email}") @Email(regexp = EMAIL, message = "{validation.email}")
            String contactEmail) {}

    record InstalledVersionForm(
            @NotNull(message = "{reference.installed.version.required}")
            Long versionId,

            @Size(max = 2000, message = "{validation.too-long}")
            String serverData) {}

    public record CategoryForm(
            @NotBlank(message = "{validation.required}") @Size(max = 150, message = "{validation.too-long}")
            String name,

            @NotBlank(message = "{validation.required}") String sortOrder,
            Long productId,
            Boolean filedByCorrespondents,
            Boolean filedByMembers,
            Boolean filedByExternals,

            @NotNull(message = "{reference.category.ending.required}")
            Boolean requiresValidation,

            Boolean publishes,
            Long teamId,

            @Size(max = 4000, message = "{validation.too-long}")
            String guidance,

            @NotBlank(message = "{validation.required}") String descriptionLimit,
            Set<RequiredField> requiredFields,
            Boolean active) {

        static CategoryForm empty() {
            return new CategoryForm(
                    null, "0", null, false, false, false, null, false, null, null, "10000", Set.of(), true);
        }

        public void check(BindingResult result) {
            checkRange(result, "sortOrder", sortOrder, 0, 9999, "reference.category.sort-order.range");
            checkRange(result, "descriptionLimit", descriptionLimit, 100, 50_000, "reference.category.limit.range");
        }

        int sortOrderValue() {
            return Integer.parseInt(sortOrder.strip());
        }

        int descriptionLimitValue() {
            return Integer.parseInt(descriptionLimit.strip());
        }

        boolean correspondents() {
            return Boolean.TRUE.equals(filedByCorrespondents);
        }

        boolean members() {
            return Boolean.TRUE.equals(filedByMembers);
        }

        boolean externals() {
            return Boolean.TRUE.equals(filedByExternals);
        }
    }

    record NameForm(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.too-long}")
            String name) {}

    record PersonForm(
            @NotBlank(message = "{validation.required}")
            @Size(max = 254, message = "{validation.email}")
            @Email(regexp = EMAIL, message = "{validation.email}")
            String email) {}

    record CommitmentsForm(
            @NotBlank(message = "{validation.required}") String blocking,
            @NotBlank(message = "{validation.required}") String nonBlocking) {

        public void check(BindingResult result) {
            checkRange(result, "blocking", blocking, 1, 60, "reference.commitment.range");
            checkRange(result, "nonBlocking", nonBlocking, 1, 60, "reference.commitment.range");
        }
    }

    public record ClosureForm(
            @NotBlank(message = "{validation.required}") String firstDay,
            @NotBlank(message = "{validation.required}") String lastDay,

            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.too-long}")
            String label) {

        public void check(BindingResult result) {
            checkDate(result, "firstDay", firstDay);
            checkDate(result, "lastDay", lastDay);
        }
    }

    // Numbers and dates are bound as typed, so that a wrong one is shown again as it was, with its own message.

    static void checkRange(BindingResult result, String field, String text, int min, int max, String messageKey) {
        if (result.hasFieldErrors(field) || text == null || text.isBlank()) {
            return;
        }
        try {
            var value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                result.rejectValue(field, messageKey);
            }
        } catch (NumberFormatException notANumber) {
            result.rejectValue(field, messageKey);
        }
    }

    static void checkDate(BindingResult result, String field, String text) {
        if (!result.hasFieldErrors(field) && text != null && !text.isBlank() && date(text) == null) {
            result.rejectValue(field, "reference.date.invalid");
        }
    }

    public static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /**
     * Choices (booleans, ids, kinds) come from checkboxes, radios and lists: a value that is none of
     * them was not typed by anyone, and counts as no choice rather than breaking the form.
     */
    static void lenientChoices(WebDataBinder binder) {
        binder.registerCustomEditor(Boolean.class, new Lenient<>(text -> switch (text) {
            case "true", "on" -> Boolean.TRUE;
            case "false", "off" -> Boolean.FALSE;
            default -> null;
        }));
        binder.registerCustomEditor(Long.class, new Lenient<>(Long::valueOf));
        binder.registerCustomEditor(CorrespondentKind.class, new Lenient<>(CorrespondentKind::valueOf));
        binder.registerCustomEditor(RequiredField.class, new Lenient<>(RequiredField::valueOf));
    }

    private static final class Lenient<T> extends PropertyEditorSupport {

        private final Function<String, T> parse;

        Lenient(Function<String, T> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            try {
                setValue(text == null || text.isBlank() ? null : parse.apply(text.strip()));
            } catch (IllegalArgumentException notOne) {
                setValue(null);
            }
        }
    }
}
