package fr.guichet.certificates;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A request for the organisation's certificate supports, as the administrator fills it in: to whom and
 * where the supports go, on what, how many. A French postal code (01000 to 98999); 1 to 10 supports.
 */
record RequestForm(
        @NotBlank(message = "{validation.required}") @Size(max = 120, message = "{validation.too-long}") @Nullable
        String recipient,

        @NotBlank(message = "{validation.required}") @Size(max = 255, message = "{validation.too-long}") @Nullable
        String address,

        @Size(max = 255, message = "{validation.too-long}") @Nullable
        String addressMore,

        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^(0[1-9]|[1-8][0-9]|9[0-8])[0-9]{3}$", message = "{certificates.request.postal-code}")
        @Nullable
        String postalCode,

        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.too-long}") @Nullable
        String city,

        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^(USB_KEY|SMART_CARD|P12_FILE)$", message = "{certificates.request.support-unknown}")
        @Nullable
        String support,

        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^\\s*([1-9]|10)\\s*$", message = "{certificates.request.supports}")
        @Nullable
        String supports) {

    static RequestForm blank() {
        return new RequestForm(null, null, null, null, null, Support.USB_KEY.name(), "1");
    }

    /** Once valid. */
    Support chosenSupport() {
        return Support.valueOf(support);
    }

    /** Once valid. */
    int count() {
        return Integer.parseInt(supports.strip());
    }
}
