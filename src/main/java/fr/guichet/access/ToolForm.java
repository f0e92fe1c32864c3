package fr.guichet.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An establishment's own tool: only http(s) links, so no script can hide behind one. */
record ToolForm(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.too-long}")
        String name,

        @NotBlank(message = "{validation.required}")
        @Size(max = 500, message = "{validation.too-long}")
        @Pattern(regexp = "^$|^https?://[^\\s<>\"]+$", message = "{tools.url.invalid}")
        String url,

        @Size(max = 1000, message = "{validation.too-long}") String description) {

    static ToolForm empty() {
        return new ToolForm(null, null, null);
    }
}
