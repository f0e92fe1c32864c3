package fr.guichet.alerts;

import fr.guichet.account.CurrentPerson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The token owner's alert choices in the API, with the page's rules. */
@RestController
@RequestMapping("/api/v1/me/preferences")
@Tag(name = "Account")
class PreferencesApi {

    private final AlertPreferences preferences;

    PreferencesApi(AlertPreferences preferences) {
        this.preferences = preferences;
    }

    /** Each kind of alert and how it reaches him (IMMEDIATE, DIGEST, OFF). */
    record Preferences(Map<AlertKind, Delivery> alerts) {}

    @GetMapping
    @Operation(
            summary = "How each kind of alert reaches the token's owner",
            security = @SecurityRequirement(name = "bearer"))
    Preferences get() {
        return new Preferences(preferences.of(CurrentPerson.id()));
    }

    @PutMapping
    @Operation(
            summary = "Change how kinds of alert reach him (a kind left out keeps its choice); 400, nothing saved, "
                    + "when a kind that awaits his action is switched off",
            security = @SecurityRequirement(name = "bearer"))
    Preferences put(@RequestBody @Nullable Preferences changes) {
        if (changes != null && changes.alerts() != null) {
            preferences.choose(CurrentPerson.id(), changes.alerts());
        }
        return get();
    }
}
